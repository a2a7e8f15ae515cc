import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Readings from `/proc`: CPU time and resident memory of a process, the load average.
enum ProcessStats {
  private static let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))

  /// User plus system CPU seconds `pid` has used, or nil when it is gone.
  static func cpuSeconds(_ pid: Int32) -> Double? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return nil }
    // Fields after the command name: state is field 3, utime 14, stime 15.
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else {
      return nil
    }
    return (user + system) / ticksPerSecond
  }

  /// `VmRSS` (resident memory) of `pid` in KiB, or nil when it is gone.
  static func residentKiB(_ pid: Int32) -> Int? {
    statusField("VmRSS", of: pid)
  }

  /// `VmHWM` (peak resident memory) of `pid` in KiB.
  static func peakResidentKiB(_ pid: Int32) -> Int? {
    statusField("VmHWM", of: pid)
  }

  private static func statusField(_ name: String, of pid: Int32) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else {
      return nil
    }
    for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
      return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
    }
    return nil
  }

  /// The 1-, 5- and 15-minute load averages, as `/proc/loadavg` shows them.
  static func loadAverage() -> String {
    let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
    return text.split(separator: " ").prefix(3).joined(separator: " ")
  }
}

/// The processes whose CPU time a run accounts for, by name.
struct ProcessSet: Sendable {
  /// (name, pid) in report order.
  let members: [(name: String, pid: Int32)]

  /// The server, the stack's processes when known, and this benchmark process.
  init(server: Int32, stack: Stack) {
    var members: [(String, Int32)] = [("sluice", server)]
    if let pid = stack.databaseProcessID { members.append(("mariadbd", pid)) }
    if let pid = stack.brokerProcessID { members.append(("tansu", pid)) }
    members.append(("bench", ProcessInfo.processInfo.processIdentifier))
    self.members = members
  }

  /// CPU seconds of each member now.
  func cpuSnapshot() -> [String: Double] {
    var snapshot: [String: Double] = [:]
    for (name, pid) in members {
      snapshot[name] = ProcessStats.cpuSeconds(pid)
    }
    return snapshot
  }
}

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A non-blocking TCP connection to 127.0.0.1 for tests that must control exactly how
/// much a client sends and reads (backpressure). Waits use `Task.sleep`, never blocking
/// a thread of the cooperative pool.
final class HTTP1RawSocket {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  private let fd: Int32

  /// Connects, with the kernel's receive and send buffers fixed to the given sizes (which
  /// also turns off their autotuning).
  init(port: Int, receiveBuffer: Int? = nil, sendBuffer: Int? = nil) throws {
    fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
    for (option, size) in [(SO_RCVBUF, receiveBuffer), (SO_SNDBUF, sendBuffer)] {
      guard var value = size.map(Int32.init) else { continue }
      setsockopt(fd, SOL_SOCKET, option, &value, socklen_t(MemoryLayout<Int32>.size))
    }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      close(fd)
      throw Failure(description: "connect: errno \(errno)")
    }
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
  }

  deinit {
    close(fd)
  }

  /// Sends what the kernel takes now; returns the count (0 when its buffer is full).
  func sendSome(_ bytes: ArraySlice<UInt8>) throws -> Int {
    let sent = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    if sent >= 0 { return sent }
    if errno == EAGAIN || errno == EWOULDBLOCK { return 0 }
    throw Failure(description: "send: errno \(errno)")
  }

  /// Sends all of `bytes`, waiting while the kernel's buffer is full.
  func sendAll(_ bytes: ArraySlice<UInt8>, within timeout: Duration = .seconds(60)) async throws {
    let deadline = ContinuousClock.now + timeout
    var rest = bytes
    while !rest.isEmpty {
      let sent = try sendSome(rest)
      rest = rest.dropFirst(sent)
      if sent == 0 {
        guard ContinuousClock.now < deadline else { throw Failure(description: "send timed out") }
        try await Task.sleep(for: .milliseconds(1))
      }
    }
  }

  /// Reads what arrived; returns nil at the end of the stream, [] when nothing is there.
  func receiveSome(max: Int = 1 << 16) throws -> [UInt8]? {
    var buffer = [UInt8](repeating: 0, count: max)
    let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, max, 0) }
    if count > 0 { return Array(buffer[..<count]) }
    if count == 0 { return nil }
    if errno == EAGAIN || errno == EWOULDBLOCK { return [] }
    throw Failure(description: "recv: errno \(errno)")
  }

  /// Reads until `done` holds for everything read so far, or the stream ends.
  func receive(
    within timeout: Duration = .seconds(60), until done: ([UInt8]) -> Bool
  ) async throws -> [UInt8] {
    let deadline = ContinuousClock.now + timeout
    var received: [UInt8] = []
    while !done(received) {
      guard let chunk = try receiveSome() else { break }
      if chunk.isEmpty {
        guard ContinuousClock.now < deadline else {
          throw Failure(description: "receive timed out after \(received.count) bytes")
        }
        try await Task.sleep(for: .milliseconds(1))
      } else {
        received += chunk
      }
    }
    return received
  }
}

import ArgumentParser
import Foundation
import SluiceCommandSupport
import SluiceRuntime

/// What the read commands share: the time arguments are relative to now, and a failed
/// call ends the command with a message and the status its code calls for.
enum ReadCommand {
  /// The current time.
  static func now() -> Google_Protobuf_Timestamp {
    let seconds = Date().timeIntervalSince1970
    let whole = seconds.rounded(.down)
    return Google_Protobuf_Timestamp(seconds: Int64(whole), nanos: Int32((seconds - whole) * 1e9))
  }

  /// Builds a request, turning a bad argument into a usage error.
  static func request<Request>(_ build: () throws(SettingError) -> Request) throws -> Request {
    do {
      return try build()
    } catch {
      throw ValidationError(error.description)
    }
  }

  /// Reports `error` on standard error and returns the exit to throw.
  static func failed(_ error: RPCError) -> ExitCode {
    Console.writeError("error: \(error)\n")
    return ExitCode(CommandStatus(readFailure: error).rawValue)
  }
}

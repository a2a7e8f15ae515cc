import ArgumentParser
import SluiceCommandSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The entry point: runs the command the arguments name, and exits with status 2 for
/// command-line mistakes (ArgumentParser's own default is 64).
@main
enum SluiceMain {
  static func main() async {
    do {
      var command = try SluiceCommand.parseAsRoot()
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      if SluiceCommand.exitCode(for: error) == .validationFailure {
        Console.writeError(SluiceCommand.fullMessage(for: error) + "\n")
        exit(CommandStatus.usage.rawValue)
      }
      SluiceCommand.exit(withError: error)
    }
  }
}

import ArgumentParser
import SluiceCodegen

/// `sluice-codegen`: compiles proto3 schema files and writes the generated Swift.
///
/// Exit status: 0 success, 1 schema errors (every diagnostic on standard error as
/// `file:line:column: message`), 2 usage or file-system errors.
@main
struct SluiceCodegenCommand: ParsableCommand {
  /// The command's name, abstract and discussion for `--help`.
  static let configuration = CommandConfiguration(
    commandName: "sluice-codegen",
    abstract: "Generate Swift code from proto3 schema files.",
    discussion: """
      FILES are named relative to a --proto-path (as imports name them) or by a path inside \
      one. Exit status: 0 success, 1 schema errors (reported as file:line:column: message), \
      2 usage or file-system errors.
      """)

  /// `--visibility` values.
  enum Visibility: String, ExpressibleByArgument, CaseIterable {
    case `public`, `internal`, `package`
  }

  /// `--file-naming` values.
  enum FileNaming: String, ExpressibleByArgument, CaseIterable {
    case full, underscores
  }

  @Option(name: .customLong("proto-path"), help: "A folder searched for schema files and imports (repeatable).")
  var protoPaths: [String] = []

  @Option(help: "Folder the generated files are written to.")
  var out: String = "."

  @Option(help: "Access level of the generated declarations.")
  var visibility: Visibility = .internal

  @Option(name: .customLong("file-naming"), help: "full: a/b.proto → a/b.pb.swift; underscores: a_b.pb.swift.")
  var fileNaming: FileNaming = .full

  @Flag(help: "Only compile the schemas and report diagnostics; write nothing.")
  var check = false

  @Argument(help: "The schema files to generate code for.")
  var files: [String] = []

  /// Runs the command and maps every outcome to the documented exit status.
  static func main() {
    let command: SluiceCodegenCommand
    do {
      command = try parse()
    } catch {
      if exitCode(for: error) == .success { exit(withError: error) }  // --help
      Console.printError(fullMessage(for: error))
      Console.printError(usageString())
      Console.terminate(2)
    }
    Console.terminate(command.execute())
  }

  func validate() throws {
    if files.isEmpty { throw ValidationError("Missing schema files to compile.") }
  }

  /// Compiles, generates and writes; returns the exit status.
  func execute() -> Int32 {
    let set: SchemaSet
    do {
      set = try SchemaCompiler(importPaths: protoPaths).compile(files: files)
    } catch {
      Console.printError(error.description)
      return 1
    }
    if check { return 0 }
    let options = GeneratorOptions(
      visibility: GeneratorOptions.Visibility(rawValue: visibility.rawValue) ?? .internal,
      fileNaming: fileNaming == .full ? .fullPath : .pathToUnderscores)
    let generated: [GeneratedFile]
    do {
      generated = try SwiftGenerator(options: options).generate(set)
    } catch {
      Console.printError(error.description)
      return 1
    }
    do {
      try OutputFolder(path: out).write(generated)
    } catch {
      Console.printError("sluice-codegen: \(error.description)")
      return 2
    }
    return 0
  }
}

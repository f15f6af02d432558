import ArgumentParser
import NoteLint

struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Score notelint on a labelled folder (each note with a .expected sidecar): precision, recall, F1.")

  @Argument(help: "Folder of labelled notes.")
  var folder: String

  @OptionGroup var common: CommonOptions

  @Flag(name: .long, help: "Print only the table, not the false positives and negatives.")
  var summaryOnly = false

  @Option(name: .long, help: "Exit with 1 if any line-level category has a lower precision.")
  var minPrecision: Double?

  @Option(name: .long, help: "Exit with 1 if any line-level category has a lower recall.")
  var minRecall: Double?

  func run() throws {
    let evaluator = CorpusEvaluator(linter: Linter(options: try common.lintOptions()))
    let evaluation = evaluator.evaluate(folder: folder)
    if evaluation.cases == 0 && evaluation.errors.isEmpty {
      throw Output.fail("\(folder): no labelled notes found (a note beside its .expected file): nothing to score")
    }
    Output.writeStdout(CorpusEvaluator.render(evaluation, details: !summaryOnly))
    if !evaluation.errors.isEmpty { throw ExitCode(3) }
    for category in Category.lineLevel {
      let score = evaluation.score(category)
      if let minimum = minPrecision, score.precision < minimum { throw ExitCode(1) }
      if let minimum = minRecall, score.recall < minimum { throw ExitCode(1) }
    }
  }
}

import ArgumentParser
import NoteLint

struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Score notelint on a labelled folder (each note with a .expected sidecar): precision, recall, F1.")

  @Argument(help: "Folder of labelled notes.")
  var folder: String

  @OptionGroup var common: CommonOptions

  @OptionGroup var configOption: ConfigOption

  @Flag(name: .long, help: "Print only the table, not the false positives and negatives.")
  var summaryOnly = false

  @Option(name: .long, help: "Exit with 1 if any line-level category has a lower precision.")
  var minPrecision: Double?

  @Option(name: .long, help: "Exit with 1 if any line-level category has a lower recall.")
  var minRecall: Double?

  @Option(
    name: .customLong("by-source"),
    help: "TSV (header row; first column a note's file name) naming each note's source: figures per source.")
  var bySource: String?

  @Option(
    name: .long, help: "The column of --by-source that names the source (default: source, else repo, else the second).")
  var sourceColumn: String?

  @Flag(name: .long, help: "Figures per group of notes named alike (the file name up to its first '-').")
  var groupByPrefix = false

  func run() throws {
    if bySource != nil && groupByPrefix {
      throw ValidationError("--by-source and --group-by-prefix exclude each other")
    }
    if sourceColumn != nil && bySource == nil { throw ValidationError("--source-column needs --by-source") }
    var sources: [String: String]?
    if let bySource {
      switch CorpusEvaluator.sources(tsv: bySource, column: sourceColumn) {
      case .success(let map): sources = map
      case .failure(let error):
        Output.writeStderr("notelint: error: \(error.line)\n")
        throw ExitCode(2)
      }
    }
    let resolver = try configOption.resolver()
    let evaluator = CorpusEvaluator(linter: Linter(options: try common.lintOptions(), configuration: resolver))
    let progress = Output.stderrIsTerminal ? ProgressLine() : nil
    let run = evaluator.run(folder: folder, progress: progress?.callback)
    progress?.finish()
    if let error = resolver.error { throw Output.fail(error.description) }
    let evaluation = run.evaluation(threshold: evaluator.threshold)
    if evaluation.cases == 0 && evaluation.errors.isEmpty {
      throw Output.fail("\(folder): no labelled notes found (a note beside its .expected file): nothing to score")
    }
    var out = CorpusEvaluator.renderTable(evaluation)
    out += "(at min-confidence \(CorpusEvaluator.format(evaluator.threshold)))\n\n"
    out += CorpusEvaluator.renderThresholds(run, current: evaluator.threshold)
    if let sources {
      let groups = CorpusEvaluator.groups(run, sources: sources)
      out += "\n" + CorpusEvaluator.renderGroups(run, groups: groups, threshold: evaluator.threshold, title: "source")
    } else if groupByPrefix {
      let groups = CorpusEvaluator.prefixGroups(run)
      out += "\n" + CorpusEvaluator.renderGroups(run, groups: groups, threshold: evaluator.threshold, title: "prefix")
    }
    if !summaryOnly {
      out += CorpusEvaluator.renderDetails(evaluation)
    }
    out += CorpusEvaluator.renderErrors(evaluation)
    Output.writeStdout(out)
    if !evaluation.errors.isEmpty { throw ExitCode(3) }
    for category in Category.lineLevel {
      let score = evaluation.score(category)
      if let minimum = minPrecision, score.precision < minimum { throw ExitCode(1) }
      if let minimum = minRecall, score.recall < minimum { throw ExitCode(1) }
    }
  }
}

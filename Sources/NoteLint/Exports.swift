@_exported import NoteLintCore
@_exported import NoteLintLanguage
@_exported import NoteLintReporters
@_exported import NoteLintRules

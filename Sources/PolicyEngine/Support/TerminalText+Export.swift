// Every text output built on the engine (the CLI, the exports, the simulation trace) escapes inventory text
// with `TerminalSafe` and measures it with `DisplayWidth`: one definition, visible wherever the engine is.
@_exported import TerminalText

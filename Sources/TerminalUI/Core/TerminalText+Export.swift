// `DisplayWidth` and `TerminalSafe` live in TerminalText (shared with GraphLayout and the engine's text
// output); every user of TerminalUI sees them as before.
@_exported import TerminalText

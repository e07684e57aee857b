/// The themes shipped in `themes/`, compiled in so the binary works from any folder.
/// A test checks these texts equal the files, so the two cannot drift apart.
public enum BuiltinThemes {
    /// (file name without .yaml, YAML text), in cycling order.
    public static let sources: [(name: String, yaml: String)] = [
        ("default", #"""
name: default
description: Dark background, for everyday use
palette:
  fg: 252
  dim: 244
  line: 240
  accent: 75
  red: 203
  orange: 209
  yellow: 221
  blue: 111
  green: 114
  purple: 176
styles:
  text: { fg: fg }
  muted: { fg: dim }
  border: { fg: line }
  focus: { fg: accent, bold: true }
  selection: { fg: 16, bg: accent }
  header: { fg: 16, bg: 110, bold: true }
  status: { fg: 250, bg: 237 }
  title: { fg: accent, bold: true }
  critical: { fg: 16, bg: red, bold: true }
  high: { fg: red, bold: true }
  medium: { fg: orange }
  low: { fg: yellow }
  info: { fg: blue }
  allowed: { fg: green, bold: true }
  denied: { fg: red, bold: true }
  invalid: { fg: purple, bold: true }
  secret: { fg: purple, underline: true }
  warning: { fg: 16, bg: yellow, bold: true }
  key: { fg: accent }
  string: { fg: green }
  number: { fg: purple }
  punctuation: { fg: dim }
"""#),
        ("light", #"""
name: light
description: Light background, for bright rooms and printed captures
palette:
  fg: 235
  dim: 243
  line: 248
  accent: 25
  red: 160
  orange: 166
  yellow: 136
  blue: 26
  green: 28
  purple: 91
styles:
  text: { fg: fg }
  muted: { fg: dim }
  border: { fg: line }
  focus: { fg: accent, bold: true }
  selection: { fg: 231, bg: accent }
  header: { fg: 231, bg: 24, bold: true }
  status: { fg: 235, bg: 253 }
  title: { fg: accent, bold: true }
  critical: { fg: 231, bg: red, bold: true }
  high: { fg: red, bold: true }
  medium: { fg: orange, bold: true }
  low: { fg: yellow }
  info: { fg: blue }
  allowed: { fg: green, bold: true }
  denied: { fg: red, bold: true }
  invalid: { fg: purple, bold: true }
  secret: { fg: purple, underline: true }
  warning: { fg: 231, bg: orange, bold: true }
  key: { fg: blue }
  string: { fg: green }
  number: { fg: purple }
  punctuation: { fg: dim }
"""#),
        ("high-contrast", #"""
name: high-contrast
description: For projectors — bold, large contrast, no subtle greys
palette:
  fg: bright-white
  bg: black
styles:
  text: { fg: fg, bg: bg }
  muted: { fg: fg, bg: bg }
  border: { fg: bright-cyan, bg: bg }
  focus: { fg: bright-yellow, bg: bg, bold: true, underline: true }
  selection: { fg: black, bg: bright-yellow, bold: true }
  header: { fg: black, bg: bright-cyan, bold: true }
  status: { fg: black, bg: bright-white, bold: true }
  title: { fg: bright-yellow, bg: bg, bold: true }
  critical: { fg: bright-white, bg: red, bold: true }
  high: { fg: bright-red, bg: bg, bold: true }
  medium: { fg: bright-yellow, bg: bg, bold: true }
  low: { fg: bright-cyan, bg: bg, bold: true }
  info: { fg: bright-white, bg: bg }
  allowed: { fg: black, bg: bright-green, bold: true }
  denied: { fg: bright-white, bg: red, bold: true }
  invalid: { fg: black, bg: bright-magenta, bold: true }
  secret: { fg: bright-magenta, bg: bg, bold: true, underline: true }
  warning: { fg: black, bg: bright-yellow, bold: true }
  key: { fg: bright-cyan, bg: bg, bold: true }
  string: { fg: bright-green, bg: bg }
  number: { fg: bright-magenta, bg: bg }
  punctuation: { fg: fg, bg: bg }
"""#),
        ("mono", #"""
name: mono
description: No colour at all — glyphs, bold, reverse and underline carry every signal (also chosen by NO_COLOR)
styles:
  text: {}
  muted: { dim: true }
  border: {}
  focus: { bold: true, underline: true }
  selection: { reverse: true }
  header: { reverse: true, bold: true }
  status: { reverse: true }
  title: { bold: true }
  critical: { bold: true, reverse: true }
  high: { bold: true, underline: true }
  medium: { bold: true }
  low: { underline: true }
  info: {}
  allowed: { bold: true, reverse: true }
  denied: { bold: true, reverse: true }
  invalid: { bold: true, reverse: true }
  secret: { underline: true }
  warning: { bold: true, reverse: true }
  key: { bold: true }
  string: {}
  number: {}
  punctuation: {}
"""#),
    ]
}

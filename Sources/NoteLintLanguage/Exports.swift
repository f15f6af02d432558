// Clients of the language layer see the text layer (tokens, lexicons) as part of it.
@_exported import NoteLintText

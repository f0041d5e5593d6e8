package leverage

// FoldFull folds s by the full Unicode path, whatever its characters.
func FoldFull(s string) string { return squeeze(unicodeFold(s)) }

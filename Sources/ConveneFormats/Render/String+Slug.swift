extension String {
    /// Lower case, letters and digits kept, every other run of characters made one `separator`.
    func slug(_ separator: Character = "-") -> String {
        var out = ""
        for scalar in lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if out.last != separator, !out.isEmpty {
                out.append(separator)
            }
        }
        while out.last == separator { out.removeLast() }
        return out
    }
}

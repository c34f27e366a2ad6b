/// Text made safe for XML and HTML, shared by every renderer that writes markup (frab XML, the
/// HTML page, the published site): the five special characters as entities, and the control
/// characters XML 1.0 cannot hold left out (line feeds and tabs stay).
enum XMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case _ where scalar.value < 0x20 && scalar != "\n" && scalar != "\t": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// The language of the copy, as the facts step finds it from its scripts.
public enum Language: String, Sendable {
    case chinese = "zh", english = "en"
}

/// Which written form Chinese copy uses, from the share of characters found only in one.
public enum ChineseVariant: String, Sendable {
    case simplified, traditional
}

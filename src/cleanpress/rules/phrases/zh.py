"""Chinese phrases (the simplified related headings sit in the English table)."""

PHRASES: dict[str, tuple[str, ...]] = {
    "text.related-heading": (
        r"相關文章|相關閱讀|推薦閱讀|熱門文章|延伸閱讀|上一篇文章與下一篇文章|上一篇|下一篇",
    ),
    "text.dateline": (
        r"\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日? ?\d{1,2}:\d{2}(?::\d{2})? ?(?:来源|來源)[:：].{0,40}",
    ),
}

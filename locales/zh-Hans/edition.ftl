# 版本外框：读者在文章周围看到的内容。

edition-language-self = 简体中文
edition-original = 原文
edition-switcher = 阅读本文的其他语言版本
edition-date = 发布于{ $date }
edition-site = { $site }
edition-notice-machine = 由 { $engine } 机器翻译，未经人工审校。
edition-notice-pseudo = 伪本地化文本，用于检查版面，并非译文。
edition-notice-machine-reviewed = 由 { $engine } 机器翻译，已经人工审校。
edition-notice-human = 人工翻译，尚未审校。
edition-notice-human-reviewed = 人工翻译，已经审校。
edition-notice-mixed = 由译者和 { $engine } 翻译：人工翻译的句子：{ $total } 句中的 { $human } 句。

# 工具写入页面时。
translate-page-written = { $locale }：已写入页面{ $path }

## helper check
edition-switcher-heading = 阅读本文的其他语言版本：

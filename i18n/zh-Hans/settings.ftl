# Settings (tv and tablet). Chinese (zh-Hans-CN). Keep ids, attributes and variables in step
# with mn-Mong/settings.ftl.

view-settings-region = 所在地区
settings-intro = 设置保存在本机，重新启动后仍然有效。
settings-region = 所在地区
settings-language = 语言
settings-language-mn = 蒙古文
settings-language-zh = 中文
settings-language-bilingual = 蒙汉双语
settings-contrast = 高对比度（黑底白字）
settings-on = 已开启
settings-off = 已关闭
settings-text-size = 文字大小
settings-text-size-normal = 标准
settings-text-size-large = 大
settings-text-size-extra-large = 特大
settings-saved = 已保存，重新启动后仍然有效。
settings-pick-league = 请选择盟市。
settings-pick-banner = { $league }：请选择旗县（市、区）。
settings-other-leagues = 选择其他盟市

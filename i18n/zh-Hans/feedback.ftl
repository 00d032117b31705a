# Complaints and suggestions (投诉建议): the channels, the steps and the confirmation.
# Simplified Chinese (zh-Hans-CN). Keep ids and variables in step with mn-Mong/feedback.ftl.

view-feedback-about = 关于哪方面
view-feedback-pick = 选择服务或机构
view-feedback-mobile = 回复电话（可不填）
view-feedback-text = 写下您要说的话
view-feedback-review = 核对并发送
view-feedback-done = 发送结果

# The official channels, shown before the form. $bureau, $phone: the supervising justice
# bureau of the device's region and its phone, from the content's offices.
feedback-channels = 可以直接拨打 12348 公共法律服务热线（下方号码），或{ $bureau }监督电话 { $phone }。也可以在这里留言，请先选择类型。
feedback-channels-demo = （监督电话为演示数据，无法拨通。）
feedback-channels-hotline = 可以直接拨打 12348 公共法律服务热线（下方号码）。也可以在这里留言，请先选择类型。
feedback-kind-complaint = 投诉
feedback-kind-suggestion = 建议
feedback-kind-praise = 表扬

feedback-about-intro = 您要说的是关于哪方面？
feedback-about-service = 某项法律服务
feedback-about-office = 本地某个机构
feedback-about-general = 不针对具体服务或机构
feedback-pick-service = 关于哪项服务？
feedback-pick-office = 关于本地哪个机构？
feedback-pick-none = 本机没有可选的服务或机构。

feedback-mobile-label = 需要回复请输入手机号码；不需要，直接选「下一步」。
feedback-text-intro = 请用手机扫描二维码，在手机上写下您要说的话，写好后在手机上提交，再回到这里选「下一步」。
# $max: the most characters the words may have.
feedback-text-qr = 扫码在手机上填写（最多 { $max } 字）
feedback-text-no-page = 本机现在无法显示手机填写页面。您可以不写内容直接发送，或拨打 12348 说明。
feedback-text-keyboard = 也可以用键盘直接在这里输入（最多 { $max } 字）。
# $text: what was typed so far; $count: its characters.
feedback-text-typed = 已输入 { $count }/{ $max } 字：{ $text }
feedback-text-full = 已达到 { $max } 字上限，多出的字没有输入。
feedback-text-continue = 下一步
feedback-text-clear = 清除已输入的字

# The answers to check, one line each.
feedback-review-lines = { $kind } · 关于：{ $about } · 回复电话：{ $mobile } · 内容：{ $text }
feedback-review-no-mobile = 不需要回复
feedback-review-text-phone = 在手机上填写（发送后也可以补交）
# $count: characters typed on the device.
feedback-review-text-typed = 在本机输入了 { $count } 字
# The notice the Personal Information Protection Law requires before consent (PIPL art. 13,
# art. 17): what is collected, the purpose, who sees it, how long it is kept.
feedback-notice = 发送即表示同意：内容和手机号码只用于处理和回复这条留言，仅本地区司法行政机关可见，保存一年；本机发送后 7 天删除（自助机立即删除）。按返回键可修改。
feedback-send = 同意并发送
feedback-saving = 正在保存…
feedback-saved = 留言已保存在本机，联网后会自动发送，不需要重新填写。发送成功后这里会显示受理编号。
feedback-saved-in-memory = 留言已记下，但本机存储出现故障，如果断电可能丢失。请保持开机，或直接拨打 12348。
feedback-received = 留言已送达。请记下受理编号，以后询问这条留言时告诉工作人员。
feedback-received-no-text = 还没有收到您在手机上写的内容。没写完的话，仍可以扫码在手机上提交，会自动补到这条留言里。
feedback-received-demo = 这是演示服务器：留言不会有人处理。
# $reason: why the backend refused it.
feedback-refused = 这条留言没有发送成功：{ $reason }您可以直接拨打：
feedback-not-saved = 留言没有保存成功，什么也没有发送。请直接拨打：

# Service guides: categories, lists, a guide's sections. Chinese (zh-Hans-CN).
# Keep ids, attributes and variables in step with mn-Mong/guides.ftl.

guides-search-hint = 按遥控器数字键，用拼音首字母查找（如“法律援助”按 3599）。
# On touch profiles (no remote): what a finger does here.
guides-search-hint-touch = 点一下类别，查看其中的办事指南。
guides-updated = 指南内容更新于 { $date }（第 { $version } 版）
guides-unavailable = 本机的办事指南尚未就绪。请连接网络后稍候，或拨打 12348 咨询。
guides-count = 共 { $count } 项
guides-search-title = 查找：拼音首字母
guides-search-empty = 没有找到。请按“返回”重新输入，或按类别查找。
guides-search-more = 还有 { $count } 项，请再按数字缩小范围

guide-who = 谁可以申请
guide-conditions = 条件
guide-steps = 办理流程
guide-materials = 需要带的材料（按“确定”打勾）
guide-materials-touch = 需要带的材料（点一下打勾）
guide-fees = 收费
guide-where = 到哪里办
guide-phones = 咨询、投诉与网上办理
guide-basis = 法律依据
guide-faq = 常见问题
guide-review = 内容状态

limit-working = { $days } 个工作日
limit-calendar = { $days } 日
limit-on-the-spot = 当场办理
limit-none = 无固定时限
limit-statutory = 法定时限：{ $limit }
limit-promised = 承诺时限：{ $limit }
limit-legend = 黄色标记的步骤计入法定时限

material-copies = { $copies } 份
material-original = 原件
material-copy = 复印件
material-from = 从哪里取得：{ $from }

fee-free = 免费
fee-amount = { $yuan } 元
fee-depends = 按收费标准，视情况而定
fee-basis = 依据：{ $basis }

office-none = 本地区暂无机构信息，请拨打 12348。
office-phone = 电话：{ $phone }
office-address = 地址：{ $address }
office-hours = 办公时间：{ $hours }
office-demo = 演示数据，并非真实机构和电话
phone-consult = 咨询电话：{ $phone }
phone-complaint = 投诉电话：{ $phone }
online-channel = 网上办理：{ $name } { $url }

review-legal-needed = 本指南由开发者依据所引法条编写，尚待律师审核，仅供参考。
review-legal-done = 已经法律审核：{ $by }
review-mn-needed = 蒙古文尚待母语人士审校。
review-mn-done = 蒙古文已经母语人士审校。
review-demo = 演示内容
guide-qr = 用手机扫描二维码，在手机上查看本指南：

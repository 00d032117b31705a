# 12348 callback booking: the steps, the confirmation and the device's bookings.
# Simplified Chinese (zh-Hans-CN). Keep ids, attributes and variables in step with
# mn-Mong/callback.ftl.

view-callback-lawyer = 律师使用的语言
view-callback-slot = 选择回电时间
view-callback-mobile = 您的手机号码
view-callback-consent = 个人信息告知
view-callback-review = 核对预约信息
view-callback-done = 预约结果
view-bookings = 我的预约

callback-topic-other = 其他问题
callback-note-category = 咨询类别：

callback-lawyer-intro = 您希望律师用哪种语言和您通话？
callback-lang-mn = 蒙古语
callback-lang-zh = 汉语

callback-slot-loading = 正在查询可预约的时间…
callback-slot-intro = 以下是热线工作时间内可以用{ $lang }回电的时段。
callback-slot-cached = 暂时连不上网络，以下是上次查到的{ $lang }时段，可能已有变化。预约会先保存在本机，联网后自动发送。
callback-slot-none = 近几天没有可以用{ $lang }回电的空闲时段。您可以直接拨打 12348 咨询：
callback-slot-failed = 现在查不到可预约的时间：{ $reason }您可以直接拨打 12348 咨询：
callback-slot-free = 还可预约 { $count } 位
callback-slot-full = { $hours } 已约满
callback-day = { $month }月{ $day }日 { $weekday }

weekday-1 = 周一
weekday-2 = 周二
weekday-3 = 周三
weekday-4 = 周四
weekday-5 = 周五
weekday-6 = 周六
weekday-7 = 周日

callback-mobile-label = 请输入 11 位手机号码，律师会打这个号码。
callback-continue = 下一步

# The notice the Personal Information Protection Law requires before consent (PIPL art. 13,
# art. 17: who handles it, the purpose, what is collected, how long it is kept, how to ask).
callback-consent-text = 为给您回电，我们会收集：手机号码、咨询类别、通话语言和您选的时段。这些信息只用于 12348 热线律师给您回电，只有您所在地区司法行政机关的 12348 热线工作人员能看到。回电结束 30 天后删除；本机在回电结束 7 天后删除（自助机在预约发送成功后立即删除）。依据《个人信息保护法》第十三条、第十七条，须经您同意才会发送；不同意不会发送任何信息。
callback-agree = 同意并继续
callback-decline = 不同意

callback-review-intro = 请核对以下信息。要修改哪一项，就选中哪一项。
callback-review-topic = 咨询问题：{ $value }
callback-review-lawyer = 通话语言：{ $value }
callback-review-slot = 回电时间：{ $value }
callback-review-mobile = 手机号码：{ $value }
callback-change = 按确定修改
callback-missing = 未填写
callback-confirm = 确认预约

callback-saving = 正在保存…
callback-saved = 预约已保存在本机，联网后会自动发送给 12348 热线，您不需要重新预约。回电时间：{ $slot }
callback-saved-in-memory = 预约已记下，但本机存储出现故障，如果断电可能丢失。请保持开机，或直接拨打 12348。回电时间：{ $slot }
callback-booked = 预约成功，请记下预约编号。12348 热线律师会在 { $slot } 给您打电话，最多打 { $tries } 次。您不需要重新预约。
callback-refused = 这次预约没有成功：{ $reason }您也可以直接拨打：
callback-not-saved = 预约没有保存成功，什么也没有发送。请直接拨打：
callback-new-slot = 重新选择时段
callback-home = 回到首页

bookings-intro = 本机上最近的预约（手机号码只显示前三位和后四位）。选中一个预约可以取消或改约。
bookings-none = 本机上还没有预约。
bookings-unreadable = 本机的预约记录暂时无法读取，请拨打 12348 查询。
booking-state-saved = 已保存在本机，等待发送
booking-state-sent = 已预约，编号 { $reference }
booking-state-new-slot = 时段已满或已过，需要重新选择时段
booking-state-refused = 未能发送，选中可查看原因

guide-ask-12348 = 就这个事项预约 12348 律师回电
callback-day-before = ◀ 前一天
callback-day-after = 后一天 ▶
callback-day-free = { $count } 个时段可约
callback-declined = 您没有同意，所以什么也没有发送，也没有保存。您可以直接拨打：
callback-slot-again = 您换了通话语言，请重新选一个可以用{ $lang }回电的时段。
callback-retry = 再查一次
booking-state-cancelled = 已取消
bookings-cancel = 取消这次回电
bookings-reschedule = 改约其他时段
bookings-cancelled = 已经取消。12348 不会再按这个预约给您回电。
bookings-not-cancelled = 没有取消成功：{ $reason }
callback-qr = 用手机扫码，输入手机号码后可在手机上查看这次预约。
booking-needs-slot-title = 有一个预约需要重新选时段
booking-needs-slot = 您在本机预约的 12348 回电，所选时段在等待发送时已约满或已过。请打开"12348 预约回电"→"我的预约"，选中它重新选一个时段，或直接拨打 12348。
booking-state-replaced = 已改约到新的时段
bookings-forget = 从本机删除
bookings-cancel-ask = 确定要取消这次回电吗？再按一次「确定取消」就取消，按返回就不取消。
bookings-cancel-confirm = 确定取消
callback-declined-title = 没有预约
callback-slot-asap-label = 尽快回电 · { $slot }
callback-review-replaces = 这是改约：新的时段预约成功后，原来的预约会自动取消。请核对以下信息。
bookings-older = 更早的预约（第 { $page } / { $pages } 页）
bookings-newer = 较新的预约（第 { $page } / { $pages } 页）
bookings-list = 返回预约列表
booking-refused-detail = 这次预约没有成功：{ $reason }

# Application status: the number, the mobile number that verifies it, and the answer as a
# timeline with its deadlines. Chinese (zh-Hans-CN). Keep ids, attributes and variables in step
# with mn-Mong/status.ftl.

view-status-mobile = 核对手机号码
view-status-result = 办理进度

# Home's status tile while a remembered application has news the person has not seen.
home-status-news = 有新进展

## The application number.
status-number-intro = 请输入受理回执上的申请编号（10 至 20 位数字）。
status-number-error-empty = 还没有输入申请编号。
status-number-error-short = 申请编号至少有 10 位，现在是 { $count } 位。
status-number-error-long = 申请编号最多 20 位，多按的数字没有输入。
status-continue = 下一步
# The application this box remembers; $number and $mobile (masked) as shown.
status-saved = 查看已记住的申请
status-saved-with-news = 查看已记住的申请（有新进展）
status-saved-detail = 编号 { $number } · 手机 { $mobile }
status-saved-news = 有新进展 · 编号 { $number }
# The backend no longer answers to the remembered number and mobile: it is not asked again.
status-saved-refused = 编号 { $number } 已查不到：请重新查询，或忘记它
status-forget-saved = 忘记已记住的申请
status-forget-saved-detail = 从本机删除编号和手机号码
status-forgotten = 已忘记：编号和手机号码已从本机删除。

## The mobile number.
status-mobile-intro = 申请编号 { $number }：请输入申请时留下的手机号码，以核对身份。
status-mobile-label = 申请人的手机号码
status-look-up = 查询进度
status-asking = 正在查询……
# One message for an unknown number and a wrong mobile number: nobody learns which numbers exist.
status-error-no-match = 没有找到与这个申请编号和手机号码相符的申请。请核对受理回执上的编号和申请时留下的手机号码。
status-error-too-many = 尝试次数太多，请 { $minutes } 分钟后再试，或拨打 12348。
status-error-offline = 现在连不上服务器，查不了进度。请稍后再试，或拨打 12348。
status-error-busy = 服务器正忙，请过几分钟再试。
status-error-other = 暂时查不了进度，请稍后再试，或拨打 12348。

## The answer.
status-headline-number = 编号 { $number } · 手机 { $mobile }
status-demo = 演示数据：不是真实的申请。
state-received = 已收到申请，等待受理
state-in-review = 审查中
state-awaiting-supplement = 等待补正材料
state-decided = 已作出决定
state-closed = 已办结
date-full = { $year }年{ $month }月{ $day }日

status-supplement-heading = 需要补正材料
status-supplement-items = 请补交：{ $items }
status-supplement-due = 截止：{ $date }（{ $left }）
status-supplement-where = 送到：{ $place }
status-supplement-paused = 等待补正期间，办理期限暂停计算；材料交齐后继续计算。

status-deadlines-heading = 办理期限
status-statutory = 法定时限：{ $date }（{ $left }）
status-promised = 承诺时限：{ $date }（{ $left }）
status-deadline-paused = 暂停计算，等待补正
status-deadline-met = 已在期限内作出决定
status-deadline-missed = 超过期限 { $count } 天作出决定
status-count-working = 以上天数按工作日计算，不含周末；遇法定节假日，以所列日期为准。
status-count-calendar = 以上天数按自然日计算：每天都计算在内。
days-left = 还剩 { $count } 天
days-left-working = 还剩 { $count } 个工作日
days-due-today = 今天到期
days-passed = 已过期限
days-overdue = 已超期 { $count } 天
days-overdue-working = 已超期 { $count } 个工作日

status-stages-heading = 办理环节
stage-done = 已完成 · { $date }
stage-current = 正在办理 · 自 { $date } 起
stage-current-undated = 正在办理
# The current stage while a 补正 request is open: the office waits for the applicant.
stage-current-paused = 暂停：等待您补正材料
stage-done-undated = 已完成
stage-pending = 尚未开始

status-decision-heading = 办理结果
status-decision = { $date }作出决定：{ $outcome }
status-appeal-heading = 对决定有异议怎么办
status-appeal-route = { $route }，期限 { $days }。
status-appeal-until = 最后一天：{ $date }（{ $left }）
status-appeal-days-working = { $count } 个工作日
status-appeal-days-calendar = { $count } 日
status-appeal-basis = 依据：《{ $title }》{ $articles }
status-appeal-office = 向：{ $office } · 电话 { $phone }

## Remembering an application (a household box).
status-remember = 在本机记住这个申请
status-remember-detail = 进度有变化时，首页会提示
status-remember-confirm = 再按一次确定：同意在本机保存
status-remember-consent = 记住之前请您知道：本机将保存这个申请编号和您的手机号码（完整号码，只有本机可读），只用于每隔一段时间向办理机构查询这个申请的进度，进度有变化时首页会提示。随时可以选择“忘记”，忘记后立即从本机删除。同意请再按一次确定。
status-remembered = 已记住这个申请
status-remembered-now = 已在本机记住这个申请。进度有变化时，首页“办理进度”上会显示“有新进展”。
status-forget = 忘记这个申请
status-remember-failed = 没能在本机记住这个申请，请稍后再试。
status-another = 查询其他申请
status-news-title = 申请有新进展
status-news = 您在本机记住的申请有新进展，请打开「办理进度」查看。

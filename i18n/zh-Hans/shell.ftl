# Shell: Home, navigation and the frames of views that later issues fill in.
# Chinese (zh-Hans-CN). Keep ids and attributes in step with mn-Mong/shell.ftl.

app-title = 公共法律服务
nav-back = 返回

home-guides = 办事指南
    .hint = 法律援助、公证、调解怎么办
home-callback = 12348 预约回电
    .hint = 请律师给您回电话
home-status = 办理进度
    .hint = 用申请编号查询
home-offices = 机构与电话
    .hint = 本地司法所、公证处
home-feedback = 投诉建议
    .hint = 投诉、建议、表扬
home-language = 语言
    .hint = 蒙古文 · 中文
home-settings = 设置
    .hint = 地区、字号

view-guides = 办事指南
view-callback = 12348 预约回电
view-status = 办理进度
view-offices = 机构与电话
view-feedback = 投诉建议
view-language = 语言
view-settings = 设置

status-number-label = 申请编号
status-number-empty = 请输入编号

# Each language's own name, shown on the language view in its own script.
language-name = 中文
language-name-bilingual = 蒙汉双语
language-current = ✓ 正在使用


# Shown along the bottom when a script cannot be drawn; $font names what to install.
font-missing = 缺少字体，部分文字无法显示。请安装：{ $font }
font-hint-chinese = 中文字体（如 Noto Sans CJK，Debian 软件包 fonts-noto-cjk）
font-hint-mongolian = 蒙古文字体（Noto Sans Mongolian）

# The overlay layer's button, and what it says when the service has no backend to talk to.
overlay-ok = 确定
backend-problem-title = 暂时连不上服务
backend-problem = 本机的联网服务没有启动。办事指南仍可查看；如需帮助，请拨打 12348。

# The on-screen keypad of touch profiles, and how a remote enters digits.
keypad = 数字键盘
keypad-delete = 删除
entry-remote-hint = 用遥控器数字键输入；按红色键删除最后一位。

# A mainland mobile number typed on the digit keys or keypad (the booking and the status lookup).
mobile-empty = 请输入手机号码
mobile-error-empty = 还没有输入手机号码。
mobile-error-start = 手机号码应以 1 开头，请删除后重新输入。
mobile-error-second = 手机号码的第二位应是 3 到 9，请检查。
mobile-error-length = 手机号码应有 11 位，现在是 { $count } 位。
mobile-error-full = 手机号码只有 11 位，多按的数字没有输入。

# The kiosk's idle warning (WCAG 2.2.1): any key or touch keeps the session.
idle-warning-title = 还在使用吗？
idle-warning = 已经有一会儿没有操作了。为保护您的信息，本次输入的内容将被清除，回到首页。按任意键或点一下屏幕，可以继续使用。
idle-countdown = { $seconds } 秒后清除

# What start-up found in the config file, said over Home; the details are shown in both
# languages (the administrator may not read the box's language).
config-problem-title = 配置文件有几处没有采用
config-problem = 配置文件中下面这些设置有误，已经忽略；其余设置照常使用。请管理员修改配置文件。
config-unknown = { $key }：没有这项设置
config-bad-value = { $key }：取值不对
config-broken-title = 这台设备的配置无法使用
config-broken = 为免连到错误的服务器，本机暂不联网，办事指南仍可查看。请管理员按下面的说明修改配置文件后重新启动：
config-fix-unreadable = 配置文件无法读取，请按下面的提示改正：
config-fix-token = 设置了 backend_url，却没有 device_token：请加上本机的 device_token。
config-fix-backend = backend_url 或 device_token 的取值不对：请改正。
config-fix-key = bundle_public_key 不是有效的公钥（64 位十六进制）：请改正。
config-broken-banner = 配置文件有误，本机暂不联网；办事指南仍可查看。请管理员修改配置文件。

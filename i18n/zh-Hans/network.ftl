# The connection indicator and what a person is told when the backend cannot help.
# Chinese (zh-Hans-CN). Keep ids and variables in step with mn-Mong/network.ftl.

link-demo = 演示
link-online = 在线
link-offline = 离线（自 { $since } 起）
link-checking = 正在连接…

rest-offline = 连不上网络。已保存的内容仍可查看，请稍后再试。
rest-server-busy = 服务器正忙，请稍后再试。
rest-not-found = 没有找到相关信息，请检查输入是否正确。
rest-wrong-verification = 编号与验证信息不一致，请核对后重新输入。
rest-too-many-attempts = 尝试次数过多，请稍后再试，或拨打 12348 咨询。
rest-invalid-input = 填写的内容有误，请按提示修改。
rest-slot-gone = 您选的时段已约满或已过，请重新选一个时段。
rest-not-cancellable = 这次回电已经开始或已经结束，不能再取消。
rest-unauthorized = 本设备尚未登记或登记已失效，请联系管理人员。
rest-forbidden = 服务器拒绝了这个请求。请拨打 12348。
rest-booking-limit = 这个手机号码已有多个未完成的回电预约。请先取消一个，或直接拨打 12348。
rest-device-quota = 本机这一小时的预约已经很多，预约已保存，稍后会自动发送。
rest-server-error = 服务器出现故障，请稍后再试。
rest-unexpected-answer = 服务器的回复无法识别，请稍后再试。

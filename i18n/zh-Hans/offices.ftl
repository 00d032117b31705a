# Offices and phones (机构与电话). Chinese (zh-Hans-CN). Keep ids and variables in step with
# mn-Mong/offices.ftl.

view-office = 机构详情
# $region: the region whose offices are listed.
offices-intro = { $region }的司法所、公证处、法律援助中心、律师事务所、人民调解委员会和司法鉴定机构。
offices-demo = 以下机构、地址和电话均为演示数据，并非真实机构，电话无法拨通。
offices-none = 本地区暂无机构信息，请拨打 12348。
# A nearby league or banner, one step away: its offices.
offices-nearby = 附近：{ $region }
offices-own-region = 回到本地：{ $region }
# The line under an office's name: what it does and its phone.
offices-tile-detail = { $kinds } · 电话 { $phone }
offices-kinds = 业务
offices-address = 地址
offices-hours = 办公时间
offices-phone = 电话
offices-qr-phone = 用手机扫码拨打 { $phone }
offices-qr-location = 用手机扫码在地图中查找地址
offices-demo-badge = 演示数据

office-kind-justice-office = 司法所
office-kind-notary-office = 公证处
office-kind-legal-aid-centre = 法律援助中心
office-kind-law-firm = 律师事务所
office-kind-mediation-committee = 人民调解委员会
office-kind-appraisal-institution = 司法鉴定机构
office-kind-public-legal-service-centre = 公共法律服务中心
office-kind-justice-bureau = 司法局
office-kind-reconsideration-office = 行政复议机构

# The credit record (诚信记录) on an office's page; it needs the backend.
offices-credit = 诚信记录
offices-credit-asking = 正在查询诚信记录…
offices-credit-failed = 暂时查不到诚信记录：{ $reason }
offices-credit-none = 没有公布的诚信记录。
offices-credit-cached = 未能联网，这是上次查到的记录。
# A black-listed provider is said to be one in words, not by colour alone.
credit-list-red = 红名单：{ $subject }
credit-list-black = 黑名单（失信）：{ $subject }
credit-assessment = 年度考核：{ $subject }
credit-detail = { $decision } · { $date } · 发布：{ $source }
credit-basis = 依据：{ $basis }

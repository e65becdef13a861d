#!/usr/bin/env python3
"""Writes the built-in map templates of CJM Studio.

    python3 resources/templates/generate_templates.py [--out DIR]

For every UI language (en, zh_CN, zh_TW) it writes DIR/<language>/<name>.cjm
(DIR defaults to the folder of this script). The output is deterministic and
already in the canonical form of docs/format.md (keys in the documented
order, default values left out, 2-space indent, UTF-8, newline at the end),
so `cjm fmt --check` accepts the files as they are.

Every text is a triple (English, Simplified Chinese, Traditional Chinese
with Taiwan usage). Ids are plain ASCII and the same in every language, so
the three versions of a template line up card by card, and so do
current-state.cjm and future-state.cjm.

Standard library only.
"""

import argparse
import json
import os
import sys

LANGUAGES = ("en", "zh_CN", "zh_TW")
# The map's own language (journey "language", a BCP 47 tag) for each folder:
# what the program draws on a map made from the template follows its text,
# whatever the UI language of the person who opens it later.
LANGUAGE_TAGS = {"en": "en", "zh_CN": "zh-CN", "zh_TW": "zh-TW"}

# Lanes in display order. Titles stay empty: the program then shows each
# kind's name in the reader's UI language.
ALL_LANES = ("touchpoints", "actions", "thoughts", "emotions", "painPoints",
             "barriers", "opportunities", "owners", "kpis", "notes")
# The lanes of File > New (src/editor/new_map.cpp), for the blank template.
USUAL_LANES = ("touchpoints", "actions", "thoughts", "emotions", "painPoints",
               "opportunities")

PERSONA_COLORS = ("#2a9d8f", "#e76f51")


def T(en, zh_cn, zh_tw):
    return (en, zh_cn, zh_tw)


def pick(value, lang):
    """The language's text of a triple; other values unchanged."""
    if isinstance(value, tuple):
        return value[LANGUAGES.index(lang)]
    if isinstance(value, dict):
        return {k: pick(v, lang) for k, v in value.items()}
    if isinstance(value, list):
        return [pick(v, lang) for v in value]
    return value


def Persona(name, description, goals, needs, frustrations, segment=None):
    return dict(name=name, description=description, segment=segment,
                goals=goals, needs=needs, frustrations=frustrations)


def Stage(sid, name, description, phase=""):
    return dict(id=sid, name=name, description=description, phase=phase)


def Card(persona, stage, lane, text, **extra):
    """persona is 1 or 2; stage an id; lane a lane kind."""
    return dict(persona=persona, stage=stage, lane=lane, text=text, extra=extra)


def Audit(simple, appropriate, relevant, meaningful, engaging, personal, note):
    return dict(simple=simple, appropriate=appropriate, relevant=relevant,
                meaningful=meaningful, engaging=engaging, personal=personal,
                note=note)


def Metric(value, target, unit):
    return dict(value=value, target=target, unit=unit)


# ---------------------------------------------------------------- stages

CLASSIC_STAGES = [
    Stage("stage-awareness", T("Awareness", "认知", "認知"),
          T("", "", ""), "before"),
    Stage("stage-consideration", T("Consideration", "考虑", "考慮"),
          T("", "", ""), "before"),
    Stage("stage-purchase", T("Purchase", "购买", "購買"),
          T("", "", ""), "during"),
    Stage("stage-adoption", T("Adoption", "使用", "使用"),
          T("", "", ""), "after"),
    Stage("stage-advocacy", T("Advocacy", "推荐", "推薦"),
          T("", "", ""), "after"),
]

# ---------------------------------------------------------------- templates

TEMPLATES = {}

# blank ---------------------------------------------------------------------
TEMPLATES["blank"] = dict(
    title=T("Blank journey map", "空白客户旅程地图", "空白顧客旅程地圖"),
    description=T(
        "An empty map with the five classic stages, one persona and the usual "
        "lanes. Start here if you know your journey: rename the stages, then add cards.",
        "只有五个经典阶段、一个用户画像和常用泳道的空白地图。如果您已经了解自己的客户旅程，"
        "就从这里开始：先重命名阶段，再添加卡片。",
        "只有五個經典階段、一個人物誌和常用泳道的空白地圖。如果您已經了解自己的顧客旅程，"
        "就從這裡開始：先重新命名階段，再新增卡片。"),
    goal=None,
    segment=None,
    review=0,
    lanes=USUAL_LANES,
    personas=[Persona(T("Persona 1", "用户画像 1", "人物誌 1"), None, None, None, None)],
    stages=CLASSIC_STAGES,
    cards=[],
)

# ecommerce -----------------------------------------------------------------
TEMPLATES["ecommerce"] = dict(
    title=T("E-commerce journey", "电商客户旅程地图", "電商顧客旅程地圖"),
    description=T(
        "Template for an online store: five stages from first contact to recommendation, "
        "with example cards in every lane. Replace the example persona and cards with what "
        "you learn from interviews, analytics and support tickets.",
        "网店的客户旅程模板：从初次接触到主动推荐共五个阶段，每条泳道都有示例卡片。"
        "请用访谈、数据分析和客服工单中得到的真实信息替换示例用户画像和卡片。",
        "網路商店的顧客旅程範本：從初次接觸到主動推薦共五個階段，每條泳道都有範例卡片。"
        "請用訪談、數據分析和客服工單中得到的真實資訊取代範例人物誌和卡片。"),
    goal=T("Reduce checkout abandonment and turn first-time buyers into repeat customers",
           "减少结账时的弃单，让首次购买的顾客再次购买",
           "降低結帳時的棄單率，讓首次購買的顧客回購"),
    segment=T("New online customers", "新的线上顾客", "新的線上顧客"),
    review=90,
    lanes=ALL_LANES,
    personas=[Persona(
        T("Busy parent", "上班族家长", "忙碌的上班族家長"),
        T("Example persona: works full time and shops on the phone in short breaks. "
          "Replace it with a persona from your own research.",
          "示例用户画像：全职工作，利用碎片时间用手机购物。请换成来自您自己调研的用户画像。",
          "範例人物誌：全職工作，利用零碎時間用手機購物。請換成來自您自己研究的人物誌。"),
        T("Get everyday items delivered without a trip to the shops",
          "不用出门就能把日常用品送到家", "不必出門就能把日常用品送到家"),
        T("A reliable delivery date, a fast mobile checkout",
          "可靠的送达日期、快捷的手机结账", "可靠的到貨日期、快速的手機結帳"),
        T("Hidden costs, long forms on a small screen",
          "隐藏费用、在小屏幕上填写冗长的表单", "隱藏費用、在小螢幕上填寫冗長的表單"),
        segment=T("Families", "有孩子的家庭", "有孩子的家庭"))],
    stages=[
        Stage("stage-awareness", T("Awareness", "认知", "認知"),
              T("The customer first hears about the store.",
                "顾客第一次听说这家网店。", "顧客第一次聽說這家網路商店。"), "before"),
        Stage("stage-consideration", T("Consideration", "考虑", "考慮"),
              T("The customer compares products, prices and delivery options.",
                "顾客比较商品、价格和配送方式。", "顧客比較商品、價格和配送方式。"), "before"),
        Stage("stage-conversion", T("Conversion", "转化", "轉換"),
              T("The customer fills the basket and pays.",
                "顾客把商品加入购物车并付款。", "顧客把商品加入購物車並付款。"), "during"),
        Stage("stage-adoption", T("Adoption", "使用", "使用"),
              T("Delivery, unpacking, first use, returns.",
                "收货、开箱、首次使用和退货。", "收貨、開箱、首次使用和退貨。"), "after"),
        Stage("stage-advocacy", T("Advocacy", "推荐", "推薦"),
              T("The customer reviews, recommends and buys again.",
                "顾客评价、推荐并再次购买。", "顧客評價、推薦並再次購買。"), "after"),
    ],
    cards=[
        Card(1, "stage-awareness", "touchpoints",
             T("Social media ad for a school-lunch bundle", "社交媒体上的学生午餐套装广告",
               "社群媒體上的學童午餐組合廣告"),
             channel="socialMedia",
             audit=Audit(4, 4, 5, 3, 4, 2,
                         T("Strong visuals, but the same copy for every audience",
                           "画面吸引人，但对所有人群都用同一套文案",
                           "畫面吸引人，但對所有族群都用同一套文案"))),
        Card(1, "stage-awareness", "touchpoints",
             T("Recommendation in the parents' chat group", "家长群里的推荐", "家長群組裡的推薦"),
             channel="wordOfMouth", direct=False,
             notes=T("Indirect touchpoint: the business does not control it, but can encourage it.",
                     "间接触点：企业无法控制，但可以鼓励。",
                     "間接接觸點：企業無法掌控，但可以鼓勵。")),
        Card(1, "stage-awareness", "emotions", T("Curious", "好奇", "好奇"), score=1),
        Card(1, "stage-awareness", "notes",
             T("These cards are examples: replace them with evidence and add the source as a link.",
               "这些卡片只是示例：请换成有依据的内容，并把来源作为链接附上。",
               "這些卡片只是範例：請換成有依據的內容，並把來源作為連結附上。")),
        Card(1, "stage-consideration", "touchpoints",
             T("Customer reviews and star ratings", "顾客评价和星级评分", "顧客評論和星級評分"),
             channel="reviews", direct=False),
        Card(1, "stage-consideration", "thoughts",
             T("Will it arrive before Monday?", "周一之前能送到吗？", "星期一之前送得到嗎？")),
        Card(1, "stage-consideration", "emotions",
             T("Hopeful but rushed", "有期待，但很赶时间", "有所期待，但時間很趕"), score=0),
        Card(1, "stage-consideration", "painPoints",
             T("The delivery date is only shown at the last step of checkout",
               "配送日期要到结账最后一步才显示", "到貨日期要到結帳最後一步才顯示"),
             severity=3),
        Card(1, "stage-consideration", "opportunities",
             T("Show the estimated delivery date on product pages",
               "在商品页上显示预计送达日期", "在商品頁面上顯示預計到貨日期"),
             impact=3, status="inProgress"),
        Card(1, "stage-conversion", "actions",
             T("Types address and card details one-handed on the phone",
               "单手在手机上输入地址和银行卡信息", "單手在手機上輸入地址和信用卡資料")),
        Card(1, "stage-conversion", "emotions", T("Frustrated", "沮丧", "挫折"), score=-2),
        Card(1, "stage-conversion", "barriers",
             T("A surprise delivery fee at the last step: she may abandon the basket",
               "最后一步突然出现运费，她可能放弃购物车",
               "最後一步突然出現運費，她可能放棄購物車"),
             severity=3),
        Card(1, "stage-conversion", "opportunities",
             T("Show the free-delivery threshold in the basket",
               "在购物车中显示包邮门槛", "在購物車中顯示免運門檻"),
             impact=3, status="planned"),
        Card(1, "stage-conversion", "owners",
             T("E-commerce product team", "电商产品团队", "電商產品團隊")),
        Card(1, "stage-conversion", "kpis",
             T("Mobile checkout conversion", "手机端结账转化率", "手機結帳轉換率"),
             metric=Metric(2.4, 3.5, "%")),
        Card(1, "stage-adoption", "touchpoints",
             T("Order confirmation and tracking emails", "订单确认和物流跟踪邮件",
               "訂單確認和物流追蹤電子郵件"),
             channel="email"),
        Card(1, "stage-adoption", "emotions", T("Relieved", "放心", "安心"), score=2),
        Card(1, "stage-advocacy", "touchpoints",
             T("Review request email with a referral code", "附带推荐码的评价邀请邮件",
               "附推薦碼的評價邀請電子郵件"),
             channel="email"),
        Card(1, "stage-advocacy", "emotions", T("Pleased", "满意", "滿意"), score=2),
        Card(1, "stage-advocacy", "kpis",
             T("Repeat purchase within 90 days", "90天内复购率", "90天內回購率"),
             metric=Metric(18, 25, "%")),
    ],
)

# marketing funnel ----------------------------------------------------------
TEMPLATES["marketing-funnel"] = dict(
    title=T("Marketing funnel journey", "营销漏斗客户旅程地图", "行銷漏斗顧客旅程地圖"),
    description=T(
        "Template that follows the marketing funnel from awareness to post-purchase loyalty. "
        "Use it to see which messages and touchpoints move a prospect to the next stage, "
        "and where and why prospects drop out.",
        "按营销漏斗从认知到购后忠诚排列的模板。用它找出哪些信息和触点能把潜在客户推向下一阶段，"
        "以及他们在哪里、因为什么流失。",
        "依行銷漏斗從認知到購後忠誠排列的範本。用它找出哪些訊息和接觸點能把潛在客戶推向下一個階段，"
        "以及他們在哪裡、因為什麼流失。"),
    goal=T("Move more prospects from consideration to purchase",
           "让更多潜在客户从考虑走到购买", "讓更多潛在客戶從考慮走到購買"),
    segment=T("Prospects reached by our campaigns", "营销活动触达的潜在客户",
              "行銷活動觸及的潛在客戶"),
    review=90,
    lanes=ALL_LANES,
    personas=[Persona(
        T("Commuter", "通勤族", "通勤族"),
        T("Example persona: 32, rides 12 km to work and is tired of traffic jams. "
          "Thinking about an e-bike, but unsure about the price.",
          "示例用户画像：32岁，每天通勤12公里，受够了堵车。想买电动自行车，但对价格拿不准。",
          "範例人物誌：32歲，每天通勤12公里，受夠了塞車。想買電動輔助自行車，但對價格拿不定主意。"),
        T("Get to work faster and stay fit", "更快到达公司，顺便锻炼身体", "更快到公司，順便運動"),
        T("Honest range figures, a test ride, payment by instalments",
          "真实的续航数据、试骑、分期付款", "真實的續航數據、試騎、分期付款"),
        T("Sales pressure, vague technical claims", "推销压力、含糊的技术宣传",
          "推銷壓力、含糊的技術宣傳"))],
    stages=[
        Stage("stage-awareness", T("Awareness", "认知", "認知"),
              T("The prospect learns that the brand exists.",
                "潜在客户得知品牌的存在。", "潛在客戶得知品牌的存在。"), "before"),
        Stage("stage-consideration", T("Consideration", "考虑", "考慮"),
              T("The brand is one of several options.",
                "品牌成为几个选择之一。", "品牌成為幾個選項之一。"), "before"),
        Stage("stage-serious-consideration", T("Serious consideration", "认真考虑", "認真考慮"),
              T("The prospect narrows the choice and checks the details.",
                "潜在客户缩小范围，核实细节。", "潛在客戶縮小範圍，查證細節。"), "before"),
        Stage("stage-purchase", T("Purchase", "购买", "購買"),
              T("The prospect decides and pays.",
                "潜在客户做出决定并付款。", "潛在客戶做出決定並付款。"), "during"),
        Stage("stage-loyalty", T("Post-purchase loyalty", "购后忠诚", "購後忠誠"),
              T("The customer uses, likes and recommends the product, or does not.",
                "顾客使用、喜欢并推荐产品，或者不会。", "顧客使用、喜愛並推薦產品，或者不會。"),
              "after"),
    ],
    cards=[
        Card(1, "stage-awareness", "touchpoints",
             T("Video ad before a cycling video", "骑行视频前的贴片广告", "單車影片前的插播廣告"),
             channel="advertising"),
        Card(1, "stage-awareness", "emotions", T("Intrigued", "感兴趣", "感興趣"), score=1),
        Card(1, "stage-awareness", "kpis",
             T("Ad reach in the target segment", "目标人群广告触达率", "目標族群廣告觸及率"),
             metric=Metric(35, 50, "%")),
        Card(1, "stage-awareness", "notes",
             T("Drop-off between stages goes in the KPI lane; the reasons for it go in the barriers lane.",
               "阶段之间的流失率写在 KPI 泳道，流失的原因写在障碍泳道。",
               "階段之間的流失率寫在 KPI 泳道，流失的原因寫在障礙泳道。")),
        Card(1, "stage-consideration", "touchpoints",
             T("Comparison article on a review site", "测评网站上的对比文章", "評測網站上的比較文章"),
             channel="reviews", direct=False),
        Card(1, "stage-consideration", "thoughts",
             T("Is it worth twice the price of a normal bike?", "比普通自行车贵一倍，值得吗？",
               "比一般自行車貴一倍，值得嗎？")),
        Card(1, "stage-consideration", "emotions", T("Unsure", "犹豫", "猶豫"), score=0),
        Card(1, "stage-consideration", "barriers",
             T("The price looks too high without the running costs beside it",
               "不了解使用成本时，价格显得太高", "不了解使用成本時，價格顯得太高"),
             severity=2),
        Card(1, "stage-serious-consideration", "touchpoints",
             T("Test ride at a partner store", "在合作门店试骑", "在合作門市試騎"),
             channel="store"),
        Card(1, "stage-serious-consideration", "actions",
             T("Books a test ride online and asks about instalments",
               "在网上预约试骑，并咨询分期付款", "在網路上預約試騎，並詢問分期付款")),
        Card(1, "stage-serious-consideration", "emotions", T("Excited", "兴奋", "興奮"), score=2),
        Card(1, "stage-serious-consideration", "painPoints",
             T("Test rides only on weekdays", "试骑只能约在工作日", "試騎只能約在平日"),
             severity=2),
        Card(1, "stage-purchase", "emotions",
             T("Anxious about the big spend", "花一大笔钱，有点不安", "花一大筆錢，有點不安"),
             score=-1),
        Card(1, "stage-purchase", "opportunities",
             T("Promise a 30-day return at checkout", "结账时承诺30天无理由退货",
               "結帳時承諾30天無條件退貨"),
             impact=3),
        Card(1, "stage-purchase", "owners", T("Sales", "销售部", "業務部")),
        Card(1, "stage-loyalty", "touchpoints",
             T("Service reminder email", "保养提醒邮件", "保養提醒電子郵件"), channel="email"),
        Card(1, "stage-loyalty", "emotions",
             T("Pleased and proud", "满意又自豪", "滿意又自豪"), score=3),
        Card(1, "stage-loyalty", "opportunities",
             T("Invite owners to group rides and a referral programme",
               "邀请车主参加骑行活动和推荐计划", "邀請車主參加騎乘活動和推薦計畫"),
             status="planned"),
        Card(1, "stage-loyalty", "kpis",
             T("Net Promoter Score", "净推荐值 (NPS)", "淨推薦值 (NPS)"),
             metric=Metric(32, 45, T("points", "分", "分"))),
    ],
)

# retail store --------------------------------------------------------------
TEMPLATES["retail-store"] = dict(
    title=T("Retail store journey", "门店零售客户旅程地图", "門市零售顧客旅程地圖"),
    description=T(
        "Template for a physical store, after the four steps of the retail buyer's journey: "
        "aware of the brand, in the door, the sale, coming back. Sort the touchpoints before, "
        "during and after purchase, then rate each one in the touchpoint audit.",
        "实体门店的模板，按零售购买旅程的四个步骤排列：了解品牌、进店、完成销售、再次光临。"
        "把触点按购买前、购买中、购买后归类，再在触点审核中逐一打分。",
        "實體門市的範本，依零售購買旅程的四個步驟排列：認識品牌、走進門市、完成銷售、再次光臨。"
        "把接觸點依購買前、購買中、購買後分類，再在接觸點稽核中逐一評分。"),
    goal=T("Turn more store visits into sales and first-time buyers into regulars",
           "提高到店转化率，让首次购买的顾客成为回头客",
           "提高來店轉換率，讓首次購買的顧客成為常客"),
    segment=T("Shoppers who live near the store", "门店周边的社区顾客", "門市周邊的社區顧客"),
    review=90,
    lanes=ALL_LANES,
    personas=[
        Persona(
            T("Working parent", "上班族家长", "上班族家長"),
            T("Example persona: shops after work or at the weekend with a child in tow; "
              "always short of time.",
              "示例用户画像：下班后或周末带着孩子逛店，时间总是很紧。",
              "範例人物誌：下班後或週末帶著孩子逛門市，時間總是很趕。"),
            T("Buy everything in one trip and get home quickly", "一次买齐，尽快回家",
              "一次買齊，盡快回家"),
            T("Opening hours and stock online, easy parking, a fast checkout",
              "网上能查营业时间和库存、停车方便、结账快",
              "網路上查得到營業時間和庫存、停車方便、結帳快"),
            T("Queues, no staff in sight", "排长队、找不到店员", "大排長龍、找不到店員")),
        Persona(
            T("Student", "大学生", "大學生"),
            T("Example persona: furnishing a first rented room on a tight budget; "
              "checks social media before buying anything.",
              "示例用户画像：预算有限，正在布置第一个租住的房间，买东西前先看社交媒体上的测评。",
              "範例人物誌：預算有限，正在布置第一間租屋，買東西前先看社群媒體上的評價。"),
            T("A room that looks good on a small budget", "用有限的预算把房间布置好",
              "用有限的預算把房間布置好"),
            T("Student discounts, trying things in person", "学生优惠、能在店里亲手试用",
              "學生優惠、能在門市親手試用"),
            T("Online and in-store prices that differ", "线上线下价格不一致", "線上線下價格不一致")),
    ],
    stages=[
        Stage("stage-aware", T("Make them aware of the brand", "让顾客了解品牌", "讓顧客認識品牌"),
              T("The customer is getting familiar with your brand and products.",
                "顾客正在熟悉您的品牌和产品。", "顧客正在熟悉您的品牌和產品。"), "before"),
        Stage("stage-visit", T("Get them in the door", "让顾客进门", "讓顧客走進門市"),
              T("The customer knows your brand and plans a visit to the store.",
                "顾客已经熟悉您的品牌，并计划到店。", "顧客已熟悉您的品牌，並計畫到門市。"), "before"),
        Stage("stage-sale", T("Make the sale", "完成销售", "完成銷售"),
              T("The customer is in your store and completing the purchase.",
                "顾客已经在店里，正在完成购买流程。", "顧客已在門市裡，正在完成購買流程。"), "during"),
        Stage("stage-return", T("Bring them back", "让顾客再次光临", "讓顧客再次光臨"),
              T("The customer has bought and is deciding whether to buy from you again.",
                "顾客已经购买，正在考虑是否再次向您购买。", "顧客已經購買，正在考慮是否再次向您購買。"),
              "after"),
    ],
    cards=[
        Card(1, "stage-aware", "touchpoints",
             T("Ads and promotions: weekend family flyer", "广告和促销：周末亲子促销传单",
               "廣告和促銷：週末親子促銷傳單"),
             channel="advertising",
             audit=Audit(4, 4, 4, 3, 3, 2,
                         T("Clear offer, but nothing aimed at families",
                           "优惠信息清楚，但没有针对家庭的内容",
                           "優惠資訊清楚，但沒有針對家庭的內容"))),
        Card(1, "stage-aware", "emotions", T("Curious", "好奇", "好奇"), score=1),
        Card(2, "stage-aware", "touchpoints",
             T("Word of mouth: a friend's room makeover post", "口碑：朋友晒出的房间改造帖子",
               "口碑：朋友分享的房間改造貼文"),
             channel="wordOfMouth", direct=False),
        Card(2, "stage-aware", "emotions", T("Inspired", "心动", "心動"), score=2),
        Card(1, "stage-visit", "touchpoints",
             T("Website: opening hours and stock check", "网站：查询营业时间和库存",
               "網站：查詢營業時間和庫存"),
             channel="website"),
        Card(1, "stage-visit", "emotions", T("A little hurried", "有点着急", "有點著急"), score=0),
        Card(1, "stage-visit", "painPoints",
             T("Stock shown on the website is not up to date", "网站上的库存信息不是实时的",
               "網站上的庫存資訊不是即時的"),
             severity=3),
        Card(2, "stage-visit", "thoughts",
             T("Is it cheaper in the store or online?", "店里买和网上买，哪个更便宜？",
               "門市買和網路買，哪個比較便宜？")),
        Card(2, "stage-visit", "emotions", T("Hesitant", "犹豫", "猶豫"), score=0),
        Card(1, "stage-sale", "touchpoints",
             T("Checkout line at the weekend peak", "周末高峰的结账队伍", "週末尖峰的結帳隊伍"),
             channel="store",
             audit=Audit(2, 3, 3, 2, 1, 1,
                         T("Only two tills open at the peak; about 8 minutes' wait",
                           "高峰时段只开两个收银台，平均排队约8分钟",
                           "尖峰時段只開兩個收銀台，平均排隊約8分鐘"))),
        Card(1, "stage-sale", "actions",
             T("Asks staff for the right size, then queues to pay",
               "请店员帮忙找到合适的尺寸，然后排队结账",
               "請店員幫忙找到合適的尺寸，然後排隊結帳")),
        Card(1, "stage-sale", "emotions", T("Irritated", "烦躁", "煩躁"), score=-2),
        Card(1, "stage-sale", "barriers",
             T("The queue is so long she nearly leaves without buying",
               "排队太久，差点放下商品离开", "排隊太久，差點放下商品離開"),
             severity=3),
        Card(1, "stage-sale", "opportunities",
             T("Open more tills at peak times and add self-checkout",
               "高峰时段增开收银台，并提供自助结账", "尖峰時段加開收銀台，並提供自助結帳"),
             impact=3, status="inProgress"),
        Card(1, "stage-sale", "owners", T("Store operations", "门店运营部", "門市營運部")),
        Card(1, "stage-sale", "kpis",
             T("Average checkout wait", "平均结账等待时间", "平均結帳等候時間"),
             metric=Metric(8, 3, T("min", "分钟", "分鐘"))),
        Card(2, "stage-sale", "emotions", T("Satisfied", "满意", "滿意"), score=1),
        Card(1, "stage-return", "emotions", T("Content", "还算满意", "還算滿意"), score=1),
        Card(1, "stage-return", "notes",
             T("Walk the store with the audit worksheet every quarter and rate each touchpoint again.",
               "每季度带着审核工作表走一遍门店，重新为每个触点打分。",
               "每季帶著稽核工作表走一遍門市，重新為每個接觸點評分。")),
        Card(2, "stage-return", "emotions", T("Loyal", "想再来", "想再來"), score=2),
    ],
)

# B2B SaaS ------------------------------------------------------------------
TEMPLATES["b2b-saas"] = dict(
    title=T("B2B SaaS journey", "B2B SaaS 客户旅程地图", "B2B SaaS 顧客旅程地圖"),
    description=T(
        "Template for selling software to businesses, where the person who uses the product "
        "and the person who signs the contract live different journeys. Map both personas, "
        "then look at where their emotion curves part.",
        "面向企业销售软件的模板：使用产品的人和签合同的人经历的是不同的旅程。"
        "为两个用户画像分别填写，再看他们的情绪曲线在哪里分开。",
        "銷售軟體給企業的範本：使用產品的人和簽約的人經歷的是不同的旅程。"
        "為兩個人物誌分別填寫，再看他們的情緒曲線在哪裡分岔。"),
    goal=T("Shorten the time from trial to paid contract and reduce first-year churn",
           "缩短从试用到签约付费的时间，降低首年流失率",
           "縮短從試用到簽約付費的時間，降低第一年流失率"),
    segment=T("Mid-sized companies, 50–500 employees", "50至500人的中型企业",
              "50至500人的中型企業"),
    review=90,
    lanes=ALL_LANES,
    personas=[
        Persona(
            T("Team lead (champion)", "团队负责人（内部推动者）", "團隊主管（內部推動者）"),
            T("Example persona: finds the tool, runs the trial and argues for it inside the company.",
              "示例用户画像：发现这款工具，主导试用，并在公司内部争取采购。",
              "範例人物誌：發現這套工具，主導試用，並在公司內部爭取採購。"),
            T("A tool the team actually uses", "找到团队真正愿意用的工具", "找到團隊真正願意用的工具"),
            T("A quick trial with real data, proof for the boss",
              "能用真实数据快速试用、有说服上级的依据", "能用真實資料快速試用、有說服主管的依據"),
            T("Demos that hide the price, slow procurement",
              "演示时不透露价格、采购流程太慢", "展示時不透露價格、採購流程太慢")),
        Persona(
            T("Finance and procurement", "财务与采购", "財務與採購"),
            T("Example persona: approves the budget and the contract; rarely uses the product.",
              "示例用户画像：审批预算和合同，很少使用产品本身。",
              "範例人物誌：審核預算和合約，很少使用產品本身。"),
            T("Predictable cost, low risk", "成本可预期、风险低", "成本可預期、風險低"),
            T("Clear pricing, security documents, standard contract terms",
              "清晰的报价、安全合规文件、标准合同条款", "清楚的報價、資安文件、標準合約條款"),
            T("Surprise add-ons, automatic renewal clauses", "意外的附加费用、自动续约条款",
              "意外的附加費用、自動續約條款")),
    ],
    stages=[
        Stage("stage-discover", T("Discover", "发现需求", "發現需求"),
              T("The team notices a problem and looks for tools.",
                "团队意识到问题，开始寻找工具。", "團隊意識到問題，開始尋找工具。"), "before"),
        Stage("stage-evaluate", T("Evaluate (trial, demo)", "评估（试用、演示）", "評估（試用、展示）"),
              T("Trial account, product demo, comparing vendors.",
                "试用账号、产品演示、比较供应商。", "試用帳號、產品展示、比較供應商。"), "before"),
        Stage("stage-buy", T("Buy (procurement)", "购买（采购）", "購買（採購）"),
              T("Quote, security review, contract and purchase order.",
                "报价、安全审查、合同和采购订单。", "報價、資安審查、合約和採購單。"), "during"),
        Stage("stage-onboard", T("Onboard", "上线导入", "導入上線"),
              T("Set-up, data import, training, first results.",
                "配置、数据导入、培训、初见成效。", "設定、資料匯入、教育訓練、初見成效。"), "after"),
        Stage("stage-expand", T("Expand and renew", "扩展与续约", "擴充與續約"),
              T("More seats, more teams, the renewal decision.",
                "增加席位、更多团队使用、决定是否续约。", "增加授權數、更多團隊使用、決定是否續約。"),
              "after"),
    ],
    cards=[
        Card(1, "stage-discover", "touchpoints",
             T("Peer recommendation in an industry community", "行业社群里同行的推荐",
               "產業社群裡同業的推薦"),
             channel="wordOfMouth", direct=False),
        Card(1, "stage-discover", "emotions", T("Hopeful", "充满希望", "充滿希望"), score=1),
        Card(2, "stage-discover", "emotions", T("Not involved yet", "尚未参与", "尚未參與"), score=0),
        Card(1, "stage-evaluate", "actions",
             T("Starts a 14-day trial with the team's real data", "用团队的真实数据开始14天试用",
               "用團隊的真實資料開始14天試用")),
        Card(1, "stage-evaluate", "emotions", T("Impressed", "眼前一亮", "眼睛一亮"), score=2),
        Card(1, "stage-evaluate", "painPoints",
             T("Trial data cannot be kept after buying", "购买后无法保留试用期间的数据",
               "購買後無法保留試用期間的資料"),
             severity=2),
        Card(2, "stage-evaluate", "emotions", T("Sceptical", "持怀疑态度", "抱持懷疑"), score=-1),
        Card(1, "stage-buy", "emotions", T("Impatient", "不耐烦", "不耐煩"), score=-2),
        Card(2, "stage-buy", "touchpoints",
             T("Security questionnaire and contract by email", "通过邮件往来的安全问卷和合同",
               "透過電子郵件往返的資安問卷和合約"),
             channel="email"),
        Card(2, "stage-buy", "emotions", T("Cautious", "谨慎", "謹慎"), score=-1),
        Card(2, "stage-buy", "barriers",
             T("The security review takes six weeks: the deal may stall",
               "安全审查需要六周，交易可能停滞", "資安審查需要六週，交易可能停擺"),
             severity=3),
        Card(2, "stage-buy", "opportunities",
             T("Publish a ready-made security pack and a standard contract",
               "提供现成的安全资料包和标准合同", "提供現成的資安文件包和標準合約"),
             impact=3, status="planned"),
        Card(1, "stage-onboard", "emotions", T("Overwhelmed", "手忙脚乱", "手忙腳亂"), score=-1),
        Card(1, "stage-onboard", "owners", T("Customer success", "客户成功部", "客戶成功部")),
        Card(1, "stage-onboard", "kpis",
             T("Time to first value", "首次见效时间", "首次見效時間"),
             metric=Metric(21, 7, T("days", "天", "天"))),
        Card(2, "stage-onboard", "emotions",
             T("Reassured by a correct invoice", "发票无误，放心了", "發票無誤，放心了"), score=1),
        Card(1, "stage-expand", "emotions",
             T("Proud of the results", "为成果自豪", "為成果自豪"), score=2),
        Card(1, "stage-expand", "notes",
             T("Renewal risk shows long before the renewal date: watch usage from onboarding on.",
               "续约风险早在续约日之前就会出现：从上线导入阶段起就要关注使用情况。",
               "續約風險早在續約日之前就會出現：從導入上線階段起就要留意使用情況。")),
        Card(2, "stage-expand", "thoughts",
             T("Are we paying for seats nobody uses?", "我们是不是在为没人用的席位付费？",
               "我們是不是在為沒人用的授權付費？")),
        Card(2, "stage-expand", "emotions", T("Watching the cost", "关注成本", "留意成本"), score=0),
    ],
)

# service and support -------------------------------------------------------
TEMPLATES["service-support"] = dict(
    title=T("Customer service and support journey", "客户服务与支持旅程地图",
            "顧客服務與支援旅程地圖"),
    description=T(
        "Template for the journey of a customer with a problem, from noticing it to the "
        "follow-up. Use it to find where customers get stuck between self-service and the "
        "support team.",
        "遇到问题的客户从发现问题到回访的旅程模板。用它找出客户在自助服务和客服团队之间卡在哪里。",
        "遇到問題的顧客從發現問題到後續追蹤的旅程範本。用它找出顧客在自助服務和客服團隊之間卡在哪裡。"),
    goal=T("Solve more problems at first contact and raise satisfaction after support",
           "提高首次联系解决率，提升服务后的满意度",
           "提高首次聯繫解決率，提升服務後的滿意度"),
    segment=T("Existing customers with a problem", "遇到问题的现有客户", "遇到問題的既有顧客"),
    review=90,
    lanes=ALL_LANES,
    personas=[Persona(
        T("Home internet customer", "家庭宽带用户", "家用寬頻用戶"),
        T("Example persona: works from home; the connection keeps dropping during video calls.",
          "示例用户画像：在家办公，视频会议时网络总是断线。",
          "範例人物誌：在家工作，視訊會議時網路一直斷線。"),
        T("A stable connection again, today", "今天就恢复稳定的网络", "今天就恢復穩定的網路"),
        T("One person who owns the problem, updates without having to ask",
          "有专人负责到底、主动告知进度", "有專人負責到底、主動告知進度"),
        T("Telling the story again to every agent, phone menus",
          "每换一个客服就要重复一遍、语音菜单绕来绕去",
          "每換一位客服就要重講一遍、語音選單繞來繞去"))],
    stages=[
        Stage("stage-notice", T("Notice a problem", "发现问题", "發現問題"),
              T("Something goes wrong, or the bill looks odd.",
                "出了故障，或者账单看起来不对。", "出了狀況，或是帳單看起來不對。"), "after"),
        Stage("stage-seek-help", T("Seek help", "寻求帮助", "尋求協助"),
              T("Self-service first: help centre, search, community.",
                "先自助：帮助中心、搜索、社区。", "先自助：說明中心、搜尋、社群。"), "after"),
        Stage("stage-contact", T("Contact support", "联系客服", "聯絡客服"),
              T("Phone, chat or email with the support team.",
                "通过电话、在线客服或邮件联系客服团队。", "透過電話、線上客服或電子郵件聯絡客服團隊。"),
              "after"),
        Stage("stage-resolution", T("Resolution", "问题解决", "問題解決"),
              T("The problem is fixed, or it is not.",
                "问题解决了，或者没有。", "問題解決了，或者沒有。"), "after"),
        Stage("stage-follow-up", T("Follow-up", "回访", "後續追蹤"),
              T("Survey, credit on the bill, the decision to stay or leave.",
                "满意度调查、账单补偿、决定留下还是离开。", "滿意度調查、帳單補償、決定留下還是離開。"),
              "after"),
    ],
    cards=[
        Card(1, "stage-notice", "actions",
             T("Restarts the router twice", "把路由器重启了两次", "把路由器重開了兩次")),
        Card(1, "stage-notice", "thoughts",
             T("Is it my router or their network?", "是我的路由器坏了，还是他们的网络出了问题？",
               "是我的路由器壞了，還是他們的網路出了問題？")),
        Card(1, "stage-notice", "emotions", T("Annoyed", "恼火", "惱火"), score=-1),
        Card(1, "stage-seek-help", "touchpoints",
             T("Online help centre", "在线帮助中心", "線上說明中心"), channel="helpCenter"),
        Card(1, "stage-seek-help", "emotions", T("Confused", "困惑", "困惑"), score=-1),
        Card(1, "stage-seek-help", "painPoints",
             T("The help articles do not mention the outage in her area",
               "帮助文章没有提到她所在区域的故障", "說明文章沒有提到她所在地區的故障"),
             severity=2),
        Card(1, "stage-contact", "touchpoints",
             T("Service hotline with an IVR menu", "带语音导航的客服热线", "有語音選單的客服專線"),
             channel="ivr"),
        Card(1, "stage-contact", "emotions", T("Exasperated", "忍无可忍", "忍無可忍"), score=-3),
        Card(1, "stage-contact", "barriers",
             T("20 minutes on hold: she thinks about switching provider",
               "等了20分钟还没接通，她考虑换运营商", "等了20分鐘還沒接通，她考慮換電信業者"),
             severity=3),
        Card(1, "stage-contact", "opportunities",
             T("Announce known outages in the IVR and offer a call-back",
               "在语音导航中播报已知故障，并提供回拨", "在語音選單中播報已知故障，並提供回撥"),
             impact=3, status="planned"),
        Card(1, "stage-contact", "kpis",
             T("Average wait on the hotline", "客服热线平均等待时间", "客服專線平均等候時間"),
             metric=Metric(12, 3, T("min", "分钟", "分鐘"))),
        Card(1, "stage-contact", "notes",
             T("Read the curve: the lowest point is where to start improving.",
               "看情绪曲线：最低点就是最先要改进的地方。", "看情緒曲線：最低點就是最先要改善的地方。")),
        Card(1, "stage-resolution", "touchpoints",
             T("Agent calls back to confirm the fix", "客服来电确认已修复", "客服來電確認已修復"),
             channel="phone"),
        Card(1, "stage-resolution", "emotions",
             T("Relieved", "松了一口气", "鬆了一口氣"), score=2),
        Card(1, "stage-resolution", "owners",
             T("Network operations", "网络运维部", "網路維運部")),
        Card(1, "stage-resolution", "kpis",
             T("First-contact resolution", "首次联系解决率", "首次聯繫解決率"),
             metric=Metric(64, 80, "%")),
        Card(1, "stage-follow-up", "touchpoints",
             T("Satisfaction survey", "满意度调查", "滿意度調查"), channel="survey"),
        Card(1, "stage-follow-up", "touchpoints",
             T("Credit for the outage on the next bill", "下期账单中的故障补偿", "下期帳單中的斷線補償"),
             channel="billing"),
        Card(1, "stage-follow-up", "emotions", T("Reconciled", "释然", "釋懷"), score=1),
        Card(1, "stage-follow-up", "owners", T("Customer service", "客服部", "客服部")),
    ],
)

# current state and future state: the same journey, the same ids -------------
CAR_PERSONA = Persona(
    T("Car owner who commutes", "开车通勤的车主", "開車通勤的車主"),
    T("Example persona: needs the car for work every day, so every hour without it counts.",
      "示例用户画像：每天都要开车上班，没有车的每一个小时都很难熬。",
      "範例人物誌：每天都要開車上班，沒有車的每一個小時都很難熬。"),
    T("Get the car serviced without losing a working day", "做完保养，又不耽误一天的工作",
      "做完保養，又不耽誤一天的工作"),
    T("Booking outside office hours, knowing when the car is ready, a clear price",
      "下班后也能预约、知道车什么时候能取、价格清楚",
      "下班後也能預約、知道車什麼時候可以取、價格清楚"),
    T("Waiting on the phone, no news all day, surprise items on the invoice",
      "电话等待、一整天没有消息、账单上出现意外项目",
      "電話等候、一整天沒有消息、帳單上出現意外項目"))

CAR_STAGES = [
    Stage("stage-reminder", T("Service due", "保养到期", "保養到期"),
          T("The customer learns that the car needs a service.",
            "客户得知车辆需要保养。", "顧客得知車輛需要保養。"), "before"),
    Stage("stage-book", T("Book an appointment", "预约", "預約"),
          T("Finding a slot that fits the working week.",
            "找一个不耽误工作的时段。", "找一個不耽誤工作的時段。"), "before"),
    Stage("stage-drop-off", T("Drop off the car", "送车", "送車"),
          T("Handing over the car and the key at the workshop.",
            "在维修车间交车和钥匙。", "在保養廠交車和鑰匙。"), "during"),
    Stage("stage-wait", T("Waiting for the car", "等待取车", "等待取車"),
          T("The working day without the car.", "没有车的这个工作日。", "沒有車的這個工作日。"),
          "during"),
    Stage("stage-pick-up", T("Pick up and pay", "取车付款", "取車付款"),
          T("Invoice, payment, the drive home.", "账单、付款、开车回家。", "帳單、付款、開車回家。"),
          "after"),
]

TEMPLATES["current-state"] = dict(
    title=T("Current state: car service at the dealership", "现状：到 4S 店做保养",
            "現況：到原廠保養廠做保養"),
    description=T(
        "Current-state map: the journey as customers live it today, gaps included. Fill it from "
        "evidence, find the lowest moments, then create a future-state copy to design the better journey.",
        "现状地图：客户今天实际经历的旅程，包括其中的缺口。根据事实填写，找出情绪最低的时刻，"
        "然后创建未来状态副本来设计更好的旅程。",
        "現況地圖：顧客今天實際經歷的旅程，包括其中的落差。依據事實填寫，找出情緒最低的時刻，"
        "再建立未來狀態副本來設計更好的旅程。"),
    goal=T("Find the gaps that make customers take their car elsewhere",
           "找出让客户转去别家保养的体验缺口", "找出讓顧客轉到別家保養的體驗落差"),
    segment=T("Owners of cars under warranty", "保修期内的车主", "保固期內的車主"),
    review=90,
    lanes=ALL_LANES,
    personas=[CAR_PERSONA],
    stages=CAR_STAGES,
    cards=[
        Card(1, "stage-reminder", "touchpoints",
             T("Service reminder letter", "纸质保养提醒信", "紙本保養提醒信"), channel="print"),
        Card(1, "stage-reminder", "emotions", T("Indifferent", "无所谓", "無所謂"), score=0),
        Card(1, "stage-book", "touchpoints",
             T("Booking by phone during office hours only", "只能在工作时间打电话预约",
               "只能在上班時間打電話預約"),
             channel="phone"),
        Card(1, "stage-book", "emotions", T("Irritated", "烦躁", "煩躁"), score=-2),
        Card(1, "stage-book", "painPoints",
             T("Three calls before getting through", "打了三次电话才接通", "打了三次電話才接通"),
             severity=2),
        Card(1, "stage-drop-off", "actions",
             T("Queues at reception and repeats what was said on the phone",
               "在接待处排队，再把电话里说过的话重复一遍",
               "在接待櫃台排隊，再把電話裡說過的話重講一遍")),
        Card(1, "stage-drop-off", "touchpoints",
             T("Service reception desk", "售后接待台", "服務接待櫃台"), channel="store"),
        Card(1, "stage-drop-off", "emotions", T("Rushed", "匆忙", "匆忙"), score=-1),
        Card(1, "stage-wait", "thoughts",
             T("Will I have it back before I pick up the children?", "接孩子之前能取回车吗？",
               "接小孩之前拿得回車嗎？")),
        Card(1, "stage-wait", "emotions", T("Anxious", "焦虑", "焦慮"), score=-3),
        Card(1, "stage-wait", "painPoints",
             T("No news all day; has to call to ask", "一整天没有消息，只能自己打电话问",
               "一整天沒有消息，只能自己打電話問"),
             severity=3),
        Card(1, "stage-wait", "barriers",
             T("Thinks about an independent garage next time", "考虑下次改去外面的修理厂",
               "考慮下次改去外面的修車廠"),
             severity=2),
        Card(1, "stage-pick-up", "touchpoints",
             T("Invoice at the counter", "柜台开具的账单", "櫃台開立的帳單"), channel="billing"),
        Card(1, "stage-pick-up", "emotions",
             T("Surprised by the bill", "对账单感到意外", "對帳單感到意外"), score=-1),
        Card(1, "stage-pick-up", "opportunities",
             T("Ask the customer by text message before any extra work",
               "额外维修前先发短信征得客户同意", "額外維修前先傳簡訊徵求顧客同意"),
             impact=3),
        Card(1, "stage-pick-up", "owners", T("After-sales service", "售后服务部", "售後服務部")),
        Card(1, "stage-pick-up", "kpis",
             T("Customers who come back for the next service", "下次保养的回厂率",
               "下次保養的回廠率"),
             metric=Metric(58, 75, "%")),
        Card(1, "stage-reminder", "notes",
             T("Every card on a current-state map should rest on evidence: interviews, tickets, "
               "observation. Add the source as a link.",
               "现状地图上的每张卡片都应有依据：访谈、工单、现场观察。请把来源作为链接附上。",
               "現況地圖上的每張卡片都應有依據：訪談、工單、現場觀察。請把來源作為連結附上。")),
    ],
)

TEMPLATES["future-state"] = dict(
    type="future",
    title=T("Future state: car service at the dealership", "未来状态：到 4S 店做保养",
            "未來狀態：到原廠保養廠做保養"),
    description=T(
        "Future-state map: the journey you want customers to have. Each card is a design decision; "
        "opportunities carry their status and KPIs their target. Compare it with the current-state "
        "map to see what has to change.",
        "未来状态地图：您希望客户拥有的旅程。每张卡片都是一个设计决定；机会点标明状态，KPI 标明目标。"
        "与现状地图对比，就能看到哪些地方需要改变。",
        "未來狀態地圖：您希望顧客擁有的旅程。每張卡片都是一個設計決定；機會點標明狀態，KPI 標明目標。"
        "與現況地圖比較，就能看出哪些地方需要改變。"),
    goal=T("A service that costs no working day: booked in a minute, updates without asking, "
           "no surprises on the bill",
           "保养不耽误工作：一分钟完成预约，进度主动告知，账单没有意外",
           "保養不耽誤工作：一分鐘完成預約，進度主動告知，帳單沒有意外"),
    segment=T("Owners of cars under warranty", "保修期内的车主", "保固期內的車主"),
    review=90,
    lanes=ALL_LANES,
    personas=[CAR_PERSONA],
    stages=CAR_STAGES,
    cards=[
        Card(1, "stage-reminder", "touchpoints",
             T("Reminder in the app with a booking button", "应用内的保养提醒，附带预约按钮",
               "App 內的保養提醒，附預約按鈕"),
             channel="mobileApp"),
        Card(1, "stage-reminder", "emotions", T("Looked after", "被照顾", "被照顧"), score=1),
        Card(1, "stage-book", "touchpoints",
             T("Online booking at any time, price shown up front", "随时在线预约，价格事先公开",
               "隨時線上預約，價格事先公開"),
             channel="website"),
        Card(1, "stage-book", "emotions", T("At ease", "轻松", "輕鬆"), score=2),
        Card(1, "stage-book", "painPoints",
             T("Risk: slots fill up at the end of the month", "风险：月底预约时段容易约满",
               "風險：月底預約時段容易額滿"),
             severity=1),
        Card(1, "stage-drop-off", "actions",
             T("Leaves the key in the express drop box", "把钥匙投进快速交车箱", "把鑰匙投入快速交車箱")),
        Card(1, "stage-drop-off", "touchpoints",
             T("Express drop-off, checked in online beforehand", "快速交车，已提前在线登记",
               "快速交車，已事先線上報到"),
             channel="store"),
        Card(1, "stage-drop-off", "emotions", T("Quick and easy", "省时省心", "省時省心"), score=2),
        Card(1, "stage-wait", "thoughts",
             T("I know exactly when to collect it", "我清楚知道什么时候去取车", "我清楚知道什麼時候去取車")),
        Card(1, "stage-wait", "emotions", T("Informed", "心里有数", "心裡有底"), score=1),
        Card(1, "stage-wait", "painPoints",
             T("Updates have to come from a busy workshop: one tap for the mechanic, or they won't be sent",
               "进度要由繁忙的车间发送：对技师来说必须一键完成，否则不会有人发",
               "進度要由忙碌的保養廠傳送：對技師來說必須一鍵完成，否則不會有人傳"),
             severity=2),
        Card(1, "stage-wait", "barriers",
             T("One late update and trust drops fast", "一旦进度通知延误，信任会很快下降",
               "一旦進度通知延誤，信任會很快下降"),
             severity=2),
        Card(1, "stage-pick-up", "touchpoints",
             T("Itemised invoice in the app, paid before arrival", "应用内的明细账单，到店前已付款",
               "App 內的明細帳單，到場前已付款"),
             channel="billing"),
        Card(1, "stage-pick-up", "emotions", T("Satisfied", "满意", "滿意"), score=2),
        Card(1, "stage-pick-up", "opportunities",
             T("Ask the customer by text message before any extra work",
               "额外维修前先发短信征得客户同意", "額外維修前先傳簡訊徵求顧客同意"),
             impact=3, status="inProgress"),
        Card(1, "stage-pick-up", "owners",
             T("After-sales service and IT", "售后服务部和信息部", "售後服務部和資訊部")),
        Card(1, "stage-pick-up", "kpis",
             T("Customers who come back for the next service", "下次保养的回厂率",
               "下次保養的回廠率"),
             metric=Metric(58, 75, "%")),
        Card(1, "stage-reminder", "notes",
             T("Design the journey you want first, then hold each card against the current-state map: "
               "what has to change to get there?",
               "先设计您想要的旅程，再逐张对照现状地图：要做到这样，需要改变什么？",
               "先設計您想要的旅程，再逐張對照現況地圖：要做到這樣，需要改變什麼？")),
        Card(1, "stage-wait", "opportunities",
             T("Photo and text-message updates from the workshop", "车间发送照片和短信进度",
               "保養廠傳送照片和簡訊進度"),
             impact=3, status="planned"),
    ],
)

# day in the life -----------------------------------------------------------
TEMPLATES["day-in-the-life"] = dict(
    type="dayInLife",
    title=T("A day in the life of a working parent", "上班族家长的一天", "上班族家長的一天"),
    description=T(
        "Day-in-the-life map: the customer's whole day, not only the moments they deal with you. "
        "The stages are times of day; use the map to find where your brand fits naturally into "
        "the routine.",
        "日常的一天地图：描绘客户一整天的经历，而不只是与您打交道的时刻。阶段就是一天中的时段；"
        "用它找出您的品牌能自然融入客户日常的时机。",
        "日常的一天地圖：描繪顧客一整天的經歷，而不只是與您往來的時刻。階段就是一天中的時段；"
        "用它找出您的品牌能自然融入顧客日常的時機。"),
    goal=T("Find the moments in the day when a meal-kit service is welcome",
           "找出一天中客户欢迎食材包配送服务的时刻",
           "找出一天中顧客歡迎料理食材包服務的時刻"),
    segment=T("Working parents with young children", "有小孩的双职工家庭", "有小孩的雙薪家庭"),
    review=90,
    lanes=ALL_LANES,
    personas=[Persona(
        T("Working parent", "上班族家长", "上班族家長"),
        T("Example persona: two children, a full-time job; cooks dinner most evenings and "
          "plans meals on the go.",
          "示例用户画像：有两个孩子，全职工作，大多数晚上自己做饭，总是在路上盘算吃什么。",
          "範例人物誌：有兩個孩子，全職工作，大多數晚上自己下廚，總是在路上盤算要煮什麼。"),
        T("A healthy dinner on the table by seven", "七点前把健康的晚饭端上桌",
          "七點前把健康的晚餐端上桌"),
        T("Fewer decisions, no extra trips to the shop", "少做决定，不用再专门跑超市",
          "少做決定，不用再專程跑超市"),
        T("No time to shop, children who won't eat vegetables", "没时间买菜、孩子不爱吃蔬菜",
          "沒時間買菜、孩子不愛吃蔬菜"))],
    stages=[
        Stage("stage-early-morning", T("Early morning (6:00–8:00)", "清晨（6:00–8:00）",
                                       "清晨（6:00–8:00）"),
              T("Breakfast, getting the children ready.", "做早餐，送孩子出门前的准备。",
                "做早餐，準備送孩子出門。")),
        Stage("stage-commute", T("School run and commute (8:00–9:00)", "送孩子上学和通勤（8:00–9:00）",
                                 "送孩子上學和通勤（8:00–9:00）"),
              T("In the car or on the train; podcasts and the phone.", "在车上或地铁上，听播客、看手机。",
                "在車上或捷運上，聽 Podcast、滑手機。")),
        Stage("stage-work", T("At work (9:00–12:00)", "上班（9:00–12:00）", "上班（9:00–12:00）"),
              T("Meetings; little time for anything else.", "开会，几乎没有时间做别的事。",
                "開會，幾乎沒有時間做別的事。")),
        Stage("stage-lunch", T("Lunch break (12:00–13:00)", "午休（12:00–13:00）", "午休（12:00–13:00）"),
              T("Errands and personal things on the phone.", "用手机处理杂事和私事。",
                "用手機處理雜事和私事。")),
        Stage("stage-evening", T("Evening at home (17:30–20:00)", "晚上在家（17:30–20:00）",
                                 "晚上在家（17:30–20:00）"),
              T("Cooking, dinner, homework.", "做饭、吃晚饭、辅导功课。", "煮飯、吃晚餐、陪寫功課。")),
        Stage("stage-late-evening", T("Late evening (21:00–23:00)", "深夜（21:00–23:00）",
                                      "夜晚（21:00–23:00）"),
              T("Finally some time alone: planning tomorrow.", "终于有点自己的时间：安排第二天。",
                "終於有點自己的時間：安排隔天。")),
    ],
    cards=[
        Card(1, "stage-early-morning", "thoughts",
             T("What are we having for dinner tonight?", "今晚吃什么？", "今晚要吃什麼？")),
        Card(1, "stage-early-morning", "emotions", T("Stressed", "压力大", "壓力大"), score=-1),
        Card(1, "stage-commute", "touchpoints",
             T("Podcast ad on the school run", "送孩子上学路上听到的播客广告",
               "送孩子上學路上聽到的 Podcast 廣告"),
             channel="advertising"),
        Card(1, "stage-commute", "emotions", T("Calm", "平静", "平靜"), score=0),
        Card(1, "stage-commute", "opportunities",
             T("Advertise on a family podcast the children enjoy too", "投放孩子也爱听的亲子播客广告",
               "投放孩子也愛聽的親子 Podcast 廣告"),
             status="idea"),
        Card(1, "stage-work", "emotions", T("Busy", "忙碌", "忙碌"), score=0),
        Card(1, "stage-work", "barriers",
             T("No time to think about food before lunch", "午饭前根本没空想吃什么",
               "午餐前根本沒空想吃什麼"),
             severity=1),
        Card(1, "stage-lunch", "touchpoints",
             T("A colleague's recommendation", "同事的推荐", "同事的推薦"),
             channel="wordOfMouth", direct=False),
        Card(1, "stage-lunch", "touchpoints",
             T("Meal-kit app with tonight's recipes", "食材包应用里的今晚菜谱", "食材包 App 裡的今晚食譜"),
             channel="mobileApp"),
        Card(1, "stage-lunch", "actions",
             T("Orders a kit for tonight on the phone", "用手机订了今晚的食材包", "用手機訂了今晚的食材包")),
        Card(1, "stage-lunch", "emotions", T("Relieved", "松了口气", "鬆了口氣"), score=2),
        Card(1, "stage-lunch", "kpis",
             T("Share of orders placed at lunchtime", "午休时段下单占比", "午休時段下單佔比"),
             metric=Metric(22, 35, "%")),
        Card(1, "stage-evening", "touchpoints",
             T("Kit delivered to the door", "食材包送到家门口", "食材包送到家門口"), channel="packaging"),
        Card(1, "stage-evening", "emotions",
             T("Proud of a home-cooked dinner", "为亲手做的晚饭感到自豪", "為親手做的晚餐感到自豪"),
             score=2),
        Card(1, "stage-evening", "painPoints",
             T("Recipe card too small to read while cooking", "做饭时菜谱卡字太小，看不清",
               "煮飯時食譜卡字太小，看不清楚"),
             severity=2),
        Card(1, "stage-evening", "owners",
             T("Product and logistics", "产品部和物流部", "產品部和物流部")),
        Card(1, "stage-late-evening", "emotions",
             T("Tired but content", "累，但满足", "累，但很滿足"), score=1),
        Card(1, "stage-late-evening", "notes",
             T("This map covers the whole day, not only the moments with your brand: "
               "stages without touchpoints are left empty on purpose.",
               "这张地图覆盖一整天，而不只是与品牌接触的时刻：没有触点的阶段是刻意留白的。",
               "這張地圖涵蓋一整天，而不只是與品牌接觸的時刻：沒有接觸點的階段是刻意留白的。")),
    ],
)

# ---------------------------------------------------------------- output

# Card keys in the writer's order (docs/format.md), with their defaults;
# a key whose value equals its default is left out, as the writer does.
CARD_KEYS = (("notes", ""), ("color", None), ("tags", []), ("link", None),
             ("score", None), ("channel", ""), ("direct", True), ("audit", None),
             ("severity", 2), ("impact", 2), ("status", "idea"), ("metric", None))
AUDIT_KEYS = ("simple", "appropriate", "relevant", "meaningful", "engaging", "personal", "note")


def put(obj, key, value, default=""):
    if value is not None and value != default:
        obj[key] = value


def build(name, spec, lang):
    journey = {"id": "journey-" + name}
    put(journey, "title", pick(spec["title"], lang))
    put(journey, "description", pick(spec["description"], lang))
    put(journey, "goal", pick(spec.get("goal"), lang))
    put(journey, "type", spec.get("type", "current"), "current")
    journey["language"] = LANGUAGE_TAGS[lang]
    put(journey, "segment", pick(spec.get("segment"), lang))
    put(journey, "reviewIntervalDays", spec.get("review", 0), 0)

    personas = []
    for i, p in enumerate(spec["personas"]):
        persona = {"id": "persona-%d" % (i + 1), "name": pick(p["name"], lang)}
        for key in ("description", "segment", "goals", "needs", "frustrations"):
            put(persona, key, pick(p[key], lang))
        persona["color"] = PERSONA_COLORS[i]
        personas.append(persona)

    stages = []
    for s in spec["stages"]:
        stage = {"id": s["id"], "name": pick(s["name"], lang)}
        put(stage, "description", pick(s["description"], lang))
        put(stage, "phase", s["phase"])
        stages.append(stage)

    lanes = [{"id": "lane-" + kind, "kind": kind} for kind in spec["lanes"]]

    stage_ids = {s["id"] for s in stages}
    cards = []
    per_cell = {}
    for n, c in enumerate(spec["cards"]):
        persona_id = "persona-%d" % c["persona"]
        assert c["stage"] in stage_ids, (name, c["stage"])
        assert c["lane"] in spec["lanes"], (name, c["lane"])
        cell = (persona_id, c["stage"], c["lane"])
        order = per_cell.get(cell, 0)
        per_cell[cell] = order + 1
        card = {"id": "card-%d" % (n + 1), "persona": persona_id, "stage": c["stage"],
                "lane": "lane-" + c["lane"]}
        put(card, "order", order, 0)
        put(card, "text", pick(c["text"], lang))
        extra = pick(c["extra"], lang)
        unknown = set(extra) - {k for k, _ in CARD_KEYS}
        assert not unknown, (name, unknown)
        if c["lane"] == "emotions":
            assert "score" in extra and -3 <= extra["score"] <= 3, (name, n + 1)
        for key, default in CARD_KEYS:
            if key == "audit" and extra.get("audit") is not None:
                audit = {}
                for akey in AUDIT_KEYS:
                    put(audit, akey, extra["audit"][akey], 0 if akey != "note" else "")
                card["audit"] = audit
            else:
                put(card, key, extra.get(key), default)
        cards.append(card)

    return {"format": "cjm", "version": 1, "journey": journey, "personas": personas,
            "stages": stages, "lanes": lanes, "cards": cards}


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)),
                        help="folder that gets one subfolder per language (default: this script's folder)")
    args = parser.parse_args(argv)
    for lang in LANGUAGES:
        folder = os.path.join(args.out, lang)
        os.makedirs(folder, exist_ok=True)
        for name in sorted(TEMPLATES):
            doc = build(name, TEMPLATES[name], lang)
            text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
            with open(os.path.join(folder, name + ".cjm"), "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
    print("wrote %d templates in %d languages to %s" % (len(TEMPLATES), len(LANGUAGES), args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

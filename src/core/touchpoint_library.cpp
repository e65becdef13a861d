#include "cjm/touchpoint_library.hpp"

namespace cjm {

std::string_view toString(TouchpointMedium medium)
{
    switch (medium) {
    case TouchpointMedium::Online: return "online";
    case TouchpointMedium::Offline: return "offline";
    case TouchpointMedium::ThirdParty: return "thirdParty";
    }
    return {};
}

const std::vector<LibraryTouchpoint> &touchpointLibrary()
{
    using M = TouchpointMedium;
    static const std::vector<LibraryTouchpoint> library = {
        // Before purchase
        {"website", Phase::Before, "website", M::Online, true, {"Website", "网站", "網站"}},
        {"reviews",
         Phase::Before,
         "reviews",
         M::ThirdParty,
         false,
         {"Reviews and referrals", "评论与推荐", "評論與推薦"}},
        {"directory", Phase::Before, "directory", M::ThirdParty, false, {"Directory listings", "目录列表", "目錄列表"}},
        {"on-hold", Phase::Before, "phone", M::Offline, true, {"On-hold messaging", "等待提示音", "保留訊息"}},
        {"ivr",
         Phase::Before,
         "ivr",
         M::Offline,
         true,
         {"Automated attendant and IVR", "自动总机与语音导航（IVR）", "自動總機與語音導航（IVR）"}},
        {"ads", Phase::Before, "advertising", M::Online, true, {"Ads and promotions", "广告与促销", "廣告與促銷"}},
        {"store-location", Phase::Before, "store", M::Offline, true, {"Store location", "门店位置", "門市位置"}},
        {"in-store-ads", Phase::Before, "store", M::Offline, true, {"In-store ads", "店内广告", "店內廣告"}},
        {"word-of-mouth", Phase::Before, "wordOfMouth", M::ThirdParty, false, {"Word of mouth", "口碑", "口耳相傳"}},
        {"in-store-events", Phase::Before, "event", M::Offline, true, {"In-store events", "店内活动", "店內活動"}},
        {"menu-boards",
         Phase::Before,
         "store",
         M::Offline,
         true,
         {"Digital menu boards", "数字菜单板", "數位菜單看板"}},
        {"content", Phase::Before, "socialMedia", M::Online, true, {"Content marketing", "内容营销", "內容行銷"}},
        // During purchase
        {"shop-site", Phase::During, "website", M::Online, true, {"E-commerce site", "电商网站", "電商網站"}},
        {"showroom", Phase::During, "store", M::Offline, true, {"Showroom design", "展厅设计", "展示間設計"}},
        {"demo-videos",
         Phase::During,
         "website",
         M::Online,
         true,
         {"Product demo videos", "产品演示视频", "產品示範影片"}},
        {"staff", Phase::During, "store", M::Offline, true, {"Staff", "店员服务", "店員服務"}},
        {"pos",
         Phase::During,
         "store",
         M::Offline,
         true,
         {"Checkout and point of sale", "收银台与 POS 系统", "結帳櫃台與 POS 系統"}},
        {"checkout-line", Phase::During, "store", M::Offline, true, {"Checkout line", "结账排队", "結帳排隊"}},
        // After purchase
        {"fulfilment", Phase::After, "packaging", M::Offline, true, {"Order fulfilment", "订单履约", "訂單履行"}},
        {"thank-you", Phase::After, "print", M::Offline, true, {"Thank-you cards", "感谢卡", "感謝卡"}},
        {"portal", Phase::After, "website", M::Online, true, {"Customer portal", "客户门户", "客戶入口網站"}},
        {"billing", Phase::After, "billing", M::Online, true, {"Billing and invoices", "账单与发票", "帳單與發票"}},
        {"packaging", Phase::After, "packaging", M::Offline, true, {"Packaging", "包装", "包裝"}},
        {"rebates", Phase::After, "billing", M::Offline, true, {"Rebates", "返利", "回饋金"}},
        {"follow-up-email",
         Phase::After,
         "email",
         M::Online,
         true,
         {"Follow-up email", "跟进邮件", "後續追蹤電子郵件"}},
        {"help-centre",
         Phase::After,
         "helpCenter",
         M::Online,
         true,
         {"Online help centre", "在线帮助中心", "線上說明中心"}},
        {"education",
         Phase::After,
         "helpCenter",
         M::Online,
         true,
         {"Education resources", "教育与后续资源", "教學與後續資源"}},
        {"hotline", Phase::After, "phone", M::Offline, true, {"Service hotline", "客服热线", "客服專線"}},
        {"surveys", Phase::After, "survey", M::Online, true, {"Surveys", "问卷调查", "問卷調查"}},
    };
    return library;
}

} // namespace cjm

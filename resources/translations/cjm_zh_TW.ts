<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AuditCriteria</name>
    <message>
        <source>Simple</source>
        <translation>簡單</translation>
    </message>
    <message>
        <source>Appropriate</source>
        <translation>恰當</translation>
    </message>
    <message>
        <source>Relevant</source>
        <translation>相關</translation>
    </message>
    <message>
        <source>Meaningful</source>
        <translation>有意義</translation>
    </message>
    <message>
        <source>Engaging</source>
        <translation>有吸引力</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>個人化</translation>
    </message>
</context>
<context>
    <name>AuditReport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <source>Touchpoint audit worksheet</source>
        <translation>接觸點稽核工作表</translation>
    </message>
    <message>
        <source>Touchpoint audit</source>
        <translation>接觸點稽核</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>人物誌</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>階段</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>通路</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>接觸點</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Touchpoint audit worksheet: %1</source>
        <translation>接觸點稽核工作表：%1</translation>
    </message>
    <message>
        <source>Touchpoint audit: %1</source>
        <translation>接觸點稽核：%1</translation>
    </message>
    <message>
        <source>Rate each touchpoint from 1 (poor) to 5 (excellent): is it simple, appropriate, relevant, meaningful, engaging and personal?</source>
        <translation>請為每個接觸點從 1（差）到 5（優秀）評分：它是否簡單、恰當、相關、有意義、有吸引力且個人化？</translation>
    </message>
    <message>
        <source>%1 · page %2 of %3</source>
        <translation>%1 · 第 %2 頁，共 %3 頁</translation>
    </message>
    <message>
        <source>the PDF could not be finished</source>
        <translation>PDF 無法完成</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <source>At this scale the picture would be %1 x %2 pixels, more than a PNG file can hold here. Export a PDF instead (it stays sharp at any size), or choose a smaller scale.</source>
        <translation>以此比例，圖片將為 %1 x %2 像素，超過此處 PNG 檔案所能容納的大小。請改為匯出 PDF（任何尺寸都保持清晰），或選擇較小的比例。</translation>
    </message>
    <message>
        <source>There is not enough memory for a %1 x %2 pixel picture. Export a PDF or choose a smaller scale.</source>
        <translation>記憶體不足，無法產生 %1 x %2 像素的圖片。請匯出 PDF 或選擇較小的比例。</translation>
    </message>
    <message>
        <source>The picture could not be encoded.</source>
        <translation>無法編碼圖片。</translation>
    </message>
    <message>
        <source>Customer journey map made with CJM Studio</source>
        <translation>使用 CJM Studio 製作的顧客旅程地圖</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>匯出已取消。</translation>
    </message>
    <message>
        <source>The map has no persona with the id “%1”.</source>
        <translation>地圖中沒有 ID 為「%1」的人物誌。</translation>
    </message>
    <message>
        <source>Unknown export format.</source>
        <translation>未知的匯出格式。</translation>
    </message>
    <message>
        <source>Could not write %1: the PDF could not be started.</source>
        <translation>無法寫入 %1：無法開始產生 PDF。</translation>
    </message>
    <message>
        <source>Could not write %1: merging each page&apos;s sub-pages into one page failed: %2</source>
        <translation>無法寫入 %1：將每頁的分塊合併為一頁時失敗：%2</translation>
    </message>
    <message>
        <source>it has %1 pages where %2 were painted</source>
        <translation>檔案有 %1 頁，但繪製了 %2 頁</translation>
    </message>
    <message>
        <source>Could not write %1: joining part %2 of the SVG failed: %3</source>
        <translation>無法寫入 %1：拼接 SVG 的第 %2 部分時失敗：%3</translation>
    </message>
    <message>
        <source>Could not write %1: the PowerPoint package could not be zipped (%2).</source>
        <translation>無法寫入 %1：PowerPoint 檔案包無法壓縮（%2）。</translation>
    </message>
    <message>
        <source>Nothing to put on slides: the view shows no persona, stage or lane of the map.</source>
        <translation>沒有可放到投影片上的內容：該檢視未顯示地圖中的任何人物誌、階段或泳道。</translation>
    </message>
    <message>
        <source>libxlsxwriter could not start the workbook</source>
        <translation>libxlsxwriter 無法建立工作簿</translation>
    </message>
    <message>
        <source>libxlsxwriter could not write the workbook: %1</source>
        <translation>libxlsxwriter 無法寫入工作簿：%1</translation>
    </message>
    <message>
        <source>libxlsxwriter could not add the sheet %1</source>
        <translation>libxlsxwriter 無法新增工作表 %1</translation>
    </message>
    <message>
        <source>%1!%2 holds more than 32,767 characters, more than a spreadsheet cell can hold</source>
        <translation>%1!%2 超過 32,767 個字元，超出電子表格單元格的容量</translation>
    </message>
    <message>
        <source>libxlsxwriter could not write %1!%2: %3</source>
        <translation>libxlsxwriter 無法寫入 %1!%2：%3</translation>
    </message>
    <message>
        <source>libxlsxwriter could not write the sheet %1</source>
        <translation>libxlsxwriter 無法寫入工作表 %1</translation>
    </message>
    <message>
        <source>Could not write %1: no temporary directory (%2)</source>
        <translation>無法寫入 %1：沒有臨時目錄（%2）</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>not a zip file</source>
        <translation>不是 zip 檔案</translation>
    </message>
    <message>
        <source>it has no %1</source>
        <translation>其中沒有 %1</translation>
    </message>
    <message>
        <source>the workbook unpacks to more than 256 MiB</source>
        <translation>工作簿解壓後超過 256 MiB</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: the file is larger than 256 MiB</source>
        <translation>%1：檔案大於 256 MiB</translation>
    </message>
    <message>
        <source>%1 is not a workbook: %2</source>
        <translation>%1 不是工作簿：%2</translation>
    </message>
    <message>
        <source>%1: %2, line %3: %4</source>
        <translation>%1：%2，第 %3 行：%4</translation>
    </message>
    <message>
        <source>%1 is not a workbook: it has no %2</source>
        <translation>%1 不是工作簿：其中沒有 %2</translation>
    </message>
    <message>
        <source>%1: the sheet %2 has no part</source>
        <translation>%1：工作表 %2 沒有對應的部件</translation>
    </message>
    <message>
        <source>%1: %2 has a row past the last</source>
        <translation>%1：%2 有一行超出了最後一行</translation>
    </message>
    <message>
        <source>%1: %2, line %3: %4 is not a cell reference</source>
        <translation>%1：%2，第 %3 行：%4 不是單元格引用</translation>
    </message>
    <message>
        <source>%1: %2, line %3: shared string %4 does not exist</source>
        <translation>%1：%2，第 %3 行：共享字串 %4 不存在</translation>
    </message>
    <message>
        <source>%1 is damaged: %2</source>
        <translation>%1 已損壞：%2</translation>
    </message>
    <message>
        <source>%1 cannot be unpacked: %2</source>
        <translation>%1 無法解壓：%2</translation>
    </message>
    <message>
        <source>could not add %1 to the zip: %2</source>
        <translation>無法將 %1 加入 zip：%2</translation>
    </message>
    <message>
        <source>could not deflate %1: %2</source>
        <translation>無法壓縮 %1：%2</translation>
    </message>
    <message>
        <source>could not write the zip: %1</source>
        <translation>無法寫入 zip：%1</translation>
    </message>
    <message>
        <source>could not read the zip back: %1</source>
        <translation>無法讀回 zip：%1</translation>
    </message>
</context>
<context>
    <name>MapFileLock</name>
    <message>
        <source>another computer</source>
        <translation>另一台電腦</translation>
    </message>
    <message>
        <source>someone on %1</source>
        <translation>%1 上的某人</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
</context>
<context>
    <name>MapOperations</name>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>Map Type</source>
        <translation>地圖型別</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>細分人群</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Review Interval</source>
        <translation>複查週期</translation>
    </message>
    <message>
        <source>Next Review</source>
        <translation>下次複查</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Frustrations</source>
        <translation>困擾</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>顏色</translation>
    </message>
    <message>
        <source>Avatar</source>
        <translation>頭像</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>階段型別</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>連結</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Desired Score</source>
        <translation>期望分值</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>通路</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>直接</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>審查</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>嚴重程度</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>影響</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>圖片</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>評論</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳情</translation>
    </message>
    <message>
        <source>Rename Stage</source>
        <translation>重新命名階段</translation>
    </message>
    <message>
        <source>Rename Persona</source>
        <translation>重新命名人物誌</translation>
    </message>
    <message>
        <source>Rename Map</source>
        <translation>重新命名地圖</translation>
    </message>
    <message>
        <source>Show Lane</source>
        <translation>顯示泳道</translation>
    </message>
    <message>
        <source>Hide Lane</source>
        <translation>隱藏泳道</translation>
    </message>
    <message>
        <source>Rename Lane</source>
        <translation>重新命名泳道</translation>
    </message>
    <message>
        <source>Edit Card Text</source>
        <translation>編輯卡片文字</translation>
    </message>
    <message>
        <source>Rate %1</source>
        <translation>評分 %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>編輯%1</translation>
    </message>
    <message>
        <source>Mark Reviewed</source>
        <translation>標記為已複查</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>新增%1</translation>
    </message>
    <message numerus="yes">
        <source>Move %n card(s)</source>
        <translation>
            <numerusform>移動 %n 張卡片</numerusform>
        </translation>
    </message>
    <message>
        <source>Change Emotion</source>
        <translation>更改情緒</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n card(s)</source>
        <translation>
            <numerusform>刪除 %n 張卡片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n Card(s)</source>
        <translation>
            <numerusform>貼上 %n 張卡片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n Card(s)</source>
        <translation>
            <numerusform>複製出 %n 張卡片</numerusform>
        </translation>
    </message>
    <message>
        <source>New persona</source>
        <translation>新人物誌</translation>
    </message>
    <message>
        <source>Add Persona</source>
        <translation>新增人物誌</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>新階段</translation>
    </message>
    <message>
        <source>Add Stage</source>
        <translation>新增階段</translation>
    </message>
    <message>
        <source>Add Lane</source>
        <translation>新增泳道</translation>
    </message>
    <message>
        <source>Delete Persona</source>
        <translation>刪除人物誌</translation>
    </message>
    <message>
        <source>Delete Stage</source>
        <translation>刪除階段</translation>
    </message>
    <message>
        <source>Delete Lane</source>
        <translation>刪除泳道</translation>
    </message>
    <message>
        <source>Move Persona</source>
        <translation>移動人物誌</translation>
    </message>
    <message>
        <source>Move Stage</source>
        <translation>移動階段</translation>
    </message>
    <message>
        <source>Move Lane</source>
        <translation>移動泳道</translation>
    </message>
    <message>
        <source>Resolve Conflict in %1</source>
        <translation>解決 %1 中的衝突</translation>
    </message>
    <message>
        <source>Update from Spreadsheet</source>
        <translation>從電子表格更新</translation>
    </message>
</context>
<context>
    <name>MapPainter</name>
    <message>
        <source>%1 pain · %2 barrier</source>
        <translation>%1 個痛點 · %2 個障礙</translation>
    </message>
    <message>
        <source>Lowest moment</source>
        <translation>最低谷時刻</translation>
    </message>
</context>
<context>
    <name>MapScene</name>
    <message numerus="yes">
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n 則留言</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapText</name>
    <message>
        <source>The picture could not be read.</source>
        <translation>無法讀取圖片。</translation>
    </message>
    <message>
        <source>The picture is %1x%2 pixels; at most %3x%3 is allowed.</source>
        <translation>圖片為 %1x%2 像素；最大允許 %3x%3。</translation>
    </message>
    <message>
        <source>The picture could not be read: %1</source>
        <translation>無法讀取圖片：%1</translation>
    </message>
    <message>
        <source>Untitled journey map</source>
        <translation>未命名的顧客旅程地圖</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>負責人：%1</translation>
    </message>
    <message>
        <source>Goal: %1</source>
        <translation>目標：%1</translation>
    </message>
    <message>
        <source>indirect</source>
        <translation>間接</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Touchpoints</source>
        <translation>接觸點</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>行為</translation>
    </message>
    <message>
        <source>Thoughts</source>
        <translation>想法</translation>
    </message>
    <message>
        <source>Emotions</source>
        <translation>情緒</translation>
    </message>
    <message>
        <source>Pain points</source>
        <translation>痛點</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>機會點</translation>
    </message>
    <message>
        <source>Barriers</source>
        <translation>障礙</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>負責部門</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>KPI 指標</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Before purchase</source>
        <translation>購買前</translation>
    </message>
    <message>
        <source>During purchase</source>
        <translation>購買中</translation>
    </message>
    <message>
        <source>After purchase</source>
        <translation>購買後</translation>
    </message>
    <message>
        <source>Current state</source>
        <translation>現況</translation>
    </message>
    <message>
        <source>Future state</source>
        <translation>未來狀態</translation>
    </message>
    <message>
        <source>Day in the life</source>
        <translation>日常的一天</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>構想</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已規劃</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>進行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>網站</translation>
    </message>
    <message>
        <source>Mobile app</source>
        <translation>行動應用程式</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Live chat</source>
        <translation>線上客服</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>社群媒體</translation>
    </message>
    <message>
        <source>Advertising</source>
        <translation>廣告</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>門市</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活動</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>印刷品</translation>
    </message>
    <message>
        <source>Word of mouth</source>
        <translation>口碑</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>評論</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>商家目錄</translation>
    </message>
    <message>
        <source>IVR</source>
        <translation>語音應答 (IVR)</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>簡訊</translation>
    </message>
    <message>
        <source>Help centre</source>
        <translation>說明中心</translation>
    </message>
    <message>
        <source>Packaging</source>
        <translation>包裝</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>帳單</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>問卷調查</translation>
    </message>
</context>
<context>
    <name>NewMap</name>
    <message>
        <source>Persona 1</source>
        <translation>人物誌 1</translation>
    </message>
    <message>
        <source>Awareness</source>
        <translation>認知</translation>
    </message>
    <message>
        <source>Consideration</source>
        <translation>考慮</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>購買</translation>
    </message>
    <message>
        <source>Adoption</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>Advocacy</source>
        <translation>推薦</translation>
    </message>
</context>
<context>
    <name>PictureCopy</name>
    <message>
        <source>Made with CJM Studio</source>
        <translation>由 CJM Studio 製作</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>無法建立資料夾 %1</translation>
    </message>
</context>
<context>
    <name>cjm::AuditPanel</name>
    <message>
        <source>Persona:</source>
        <translation>人物誌：</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>階段：</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>通路：</translation>
    </message>
    <message>
        <source>Print Worksheet...</source>
        <translation>列印工作表...</translation>
    </message>
    <message>
        <source>A PDF checklist with empty rating boxes, for a walk through the store or the site</source>
        <translation>附空白評分欄的 PDF 檢核表，用於實地走訪門市或網站</translation>
    </message>
    <message>
        <source>Export PDF...</source>
        <translation>匯出 PDF...</translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>匯出 CSV...</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>%1 touchpoints, %2 rated, %3 among the weakest (tinted). Double-click a rating to change it (1–5, 0 clears).</source>
        <translation>%1 個接觸點，%2 個已評分，%3 個屬於最弱（已著色）。按兩下評分可修改（1–5，0 為清除）。</translation>
    </message>
    <message>
        <source>Touchpoint audit</source>
        <translation>接觸點稽核</translation>
    </message>
    <message>
        <source>Export Audit as CSV</source>
        <translation>將稽核匯出為 CSV</translation>
    </message>
    <message>
        <source>Export Audit as PDF</source>
        <translation>將稽核匯出為 PDF</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 檔案 (*.csv)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 檔案 (*.pdf)</translation>
    </message>
    <message>
        <source>Could Not Export Audit</source>
        <translation>無法匯出稽核</translation>
    </message>
</context>
<context>
    <name>cjm::AuditTableModel</name>
    <message>
        <source>Persona</source>
        <translation>人物誌</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>階段</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>通路</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>接觸方式</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>接觸點</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>One of the weakest touchpoints: among the lowest fifth of those rated, below 3 of 5.</source>
        <translation>最弱的接觸點之一：在已評分接觸點中位於最低的五分之一，且低於 3 分（滿分 5 分）。</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>直接</translation>
    </message>
    <message>
        <source>indirect</source>
        <translation>間接</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1（%2/%3 項）</translation>
    </message>
</context>
<context>
    <name>cjm::CommentsPanel</name>
    <message>
        <source>&amp;Comment</source>
        <translation>評論(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>回覆(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;solve</source>
        <translation>標為已解決(&amp;S)</translation>
    </message>
    <message>
        <source>Selected card</source>
        <translation>所選卡片</translation>
    </message>
    <message>
        <source>All cards</source>
        <translation>所有卡片</translation>
    </message>
    <message>
        <source>Show comments of</source>
        <translation>顯示評論：</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>評論</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>卡片</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Comment threads</source>
        <translation>評論串</translation>
    </message>
    <message>
        <source>Write a comment…</source>
        <translation>寫評論…</translation>
    </message>
    <message>
        <source>New comment</source>
        <translation>新評論</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>評論</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解決</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未解決</translation>
    </message>
    <message>
        <source>Re&amp;open</source>
        <translation>重新開啟(&amp;O)</translation>
    </message>
    <message>
        <source>You can read comments on this map but not post them.</source>
        <translation>你可以閱讀這張地圖上的評論，但不能發表。</translation>
    </message>
    <message>
        <source>Select one card to start a thread on it, or a thread to reply to it.</source>
        <translation>選擇一張卡片以開始新的討論，或選擇一個討論以回覆。</translation>
    </message>
</context>
<context>
    <name>cjm::ComparePanel</name>
    <message>
        <source>Stop Comparing</source>
        <translation>停止比較</translation>
    </message>
    <message>
        <source>Not comparing. Use File ▸ Compare With... to see how another version of this map differs.</source>
        <translation>未在比較。使用「檔案 ▸ 比較...」查看此地圖的另一個版本有何不同。</translation>
    </message>
    <message>
        <source>This map and “%1” are the same.</source>
        <translation>此地圖與「%1」相同。</translation>
    </message>
    <message>
        <source>Average emotion per stage: this map solid, the other version dashed</source>
        <translation>各階段平均情緒：本地圖為實線，另一版本為虛線</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from “%1” to this map. Cards added, changed or moved here are outlined on the map (removed ones are only in “%1”); click a line to show its card.</source>
        <translation>
            <numerusform>從「%1」到本地圖有 %n 處變化。在這裡新增、修改或移動的卡片在地圖上以輪廓標出（刪除的卡片只在「%1」中）；點擊一行可顯示其卡片。</numerusform>
        </translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation>並排對比</translation>
    </message>
    <message>
        <source>Draw the other version and this map next to each other, differences outlined</source>
        <translation>將另一版本與本地圖並排顯示，並勾出差異</translation>
    </message>
</context>
<context>
    <name>cjm::CompareWindow</name>
    <message>
        <source>Side by Side</source>
        <translation>並排對比</translation>
    </message>
    <message>
        <source>“%1” (the other version)</source>
        <translation>“%1”（另一版本）</translation>
    </message>
    <message>
        <source>This map</source>
        <translation>本地圖</translation>
    </message>
    <message>
        <source>Side by Side: “%1” and this map</source>
        <translation>並排對比：“%1”與本地圖</translation>
    </message>
</context>
<context>
    <name>cjm::ConflictPanel</name>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>What</source>
        <translation>內容</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>對方的</translation>
    </message>
    <message>
        <source>Keep Mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Keep Theirs</source>
        <translation>保留對方的</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>編輯...</translation>
    </message>
    <message>
        <source>Write the value to keep, starting from yours</source>
        <translation>以你的值為基礎，寫出要保留的值</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未設定）</translation>
    </message>
    <message>
        <source>deleted on one side</source>
        <translation>在一方已刪除</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已刪除</translation>
    </message>
    <message>
        <source>changed (kept here)</source>
        <translation>已變更（此處保留）</translation>
    </message>
    <message>
        <source>order of %1</source>
        <translation>%1 的順序</translation>
    </message>
    <message>
        <source>No merge conflicts.</source>
        <translation>沒有合併衝突。</translation>
    </message>
    <message numerus="yes">
        <source>%n merge conflict(s) from combining two versions of this map. For each, keep your version, theirs, or write the one to keep.</source>
        <translation>
            <numerusform>合併此地圖的兩個版本時產生了 %n 處衝突。請對每一處選擇保留你的版本、對方的版本，或寫出要保留的內容。</numerusform>
        </translation>
    </message>
    <message>
        <source>This conflict cannot be settled that way: %1</source>
        <translation>無法以這種方式解決此衝突：%1</translation>
    </message>
    <message>
        <source>Resolve Conflict</source>
        <translation>解決衝突</translation>
    </message>
    <message>
        <source>The %1 to keep:</source>
        <translation>要保留的%1：</translation>
    </message>
    <message>
        <source>The %1 to keep, as JSON:</source>
        <translation>要保留的%1（JSON 格式）：</translation>
    </message>
    <message>
        <source>That is not valid JSON; nothing was changed.</source>
        <translation>這不是有效的 JSON；未做任何變更。</translation>
    </message>
    <message>
        <source>This conflict changed while you wrote; nothing was changed.</source>
        <translation>這個衝突在你填寫時已經變了，什麼都沒有改動。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) you made offline conflict with a teammate&apos;s change of the same thing. Keep Mine sends yours; Keep Theirs drops it.</source>
        <translation>
            <numerusform>你離線時做的 %n 處更改與隊友對同一內容的更改衝突。「保留我的」會發送你的更改；「保留對方的」會放棄它。</numerusform>
        </translation>
    </message>
    <message>
        <source>place</source>
        <translation>位置</translation>
    </message>
</context>
<context>
    <name>cjm::CsvImportDialog</name>
    <message>
        <source>The file could not be read: %1</source>
        <translation>無法讀取檔案：%1</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>匯入 CSV</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>欄</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>欄位</translation>
    </message>
    <message>
        <source>Skip these rows</source>
        <translation>略過這些列</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>匯入</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>檔案：</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>編碼：</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>欄：</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>預覽：</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>GB18030</source>
        <translation>GB18030（簡體中文）</translation>
    </message>
    <message>
        <source>Big5</source>
        <translation>Big5（繁體中文）</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>自動（%1）</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <source>Cards to import: %1</source>
        <translation>要匯入的卡片：%1</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Rows that cannot be imported: %1</source>
        <translation>無法匯入的列：%1</translation>
    </message>
    <message>
        <source>Column %1 “%2” is not imported: its values are not what %3 takes (line %4 has “%5”). Choose %3 for it to import it anyway.</source>
        <translation>第 %1 欄「%2」未匯入：其中的值不符合 %3 的格式（第 %4 列為「%5」）。若仍要匯入，請為該欄選擇 %3。</translation>
    </message>
</context>
<context>
    <name>cjm::DocumentController</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
</context>
<context>
    <name>cjm::DocumentFiles</name>
    <message>
        <source> (future state)</source>
        <translation>（未來狀態）</translation>
    </message>
    <message>
        <source>%1

The file on disk was not changed, and your map is still open.</source>
        <translation>%1

磁碟上的檔案未被變更，你的地圖仍保持開啟。</translation>
    </message>
    <message numerus="yes">
        <source>... and %n more problem(s)</source>
        <translation>
            <numerusform>……還有 %n 個問題</numerusform>
        </translation>
    </message>
    <message>
        <source>A future-state copy: design the improved journey, and use Compare With... to see it beside the current one.</source>
        <translation>未來狀態複本：在此設計改善後的旅程，並用「比較...」與目前狀態對照。</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 檔案 (*.csv);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Clear Menu</source>
        <translation>清除選單</translation>
    </message>
    <message>
        <source>Compare With</source>
        <translation>比較</translation>
    </message>
    <message>
        <source>Could Not Compare</source>
        <translation>無法比較</translation>
    </message>
    <message>
        <source>Could Not Open Map</source>
        <translation>無法開啟地圖</translation>
    </message>
    <message>
        <source>Could Not Reload Map</source>
        <translation>無法重新載入地圖</translation>
    </message>
    <message>
        <source>Could Not Save Map</source>
        <translation>無法儲存地圖</translation>
    </message>
    <message>
        <source>Could Not Save Template</source>
        <translation>無法儲存範本</translation>
    </message>
    <message>
        <source>Could Not Use Template</source>
        <translation>無法使用範本</translation>
    </message>
    <message>
        <source>Discard your changes to “%1” and go back to the saved version?</source>
        <translation>捨棄對「%1」的變更並回到已儲存的版本？</translation>
    </message>
    <message>
        <source>File Changed on Disk</source>
        <translation>磁碟上的檔案已變更</translation>
    </message>
    <message>
        <source>If you both edit it, whoever saves last replaces the other&apos;s work. Open it read-only to look, and use Save As for your own copy.</source>
        <translation>如果你們同時編輯，最後儲存的人會覆蓋對方的工作。請以唯讀方式開啟檢視，並使用「另存新檔」儲存你自己的複本。</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>匯入 CSV</translation>
    </message>
    <message>
        <source>Imported from %1; save to keep the map.</source>
        <translation>已從 %1 匯入；請儲存以保留地圖。</translation>
    </message>
    <message>
        <source>Journey maps (*.cjm);;All files (*)</source>
        <translation>旅程地圖 (*.cjm);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Keep Mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Map Is Open Elsewhere</source>
        <translation>地圖已在別處開啟</translation>
    </message>
    <message>
        <source>New map from a template; save it to keep it.</source>
        <translation>已從範本建立地圖；請儲存以保留。</translation>
    </message>
    <message>
        <source>No recent maps</source>
        <translation>沒有最近的地圖</translation>
    </message>
    <message>
        <source>Open Anyway</source>
        <translation>仍要開啟</translation>
    </message>
    <message>
        <source>Open Journey Map</source>
        <translation>開啟旅程地圖</translation>
    </message>
    <message>
        <source>Open Read-Only</source>
        <translation>以唯讀方式開啟</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>覆寫</translation>
    </message>
    <message>
        <source>Overwriting replaces their changes with yours. Save your version under another name to keep both.</source>
        <translation>覆寫會以你的變更取代對方的變更。將你的版本以其他名稱儲存即可同時保留兩者。</translation>
    </message>
    <message>
        <source>Read-only: %1 has this map open. Your changes cannot be saved to it; Save As makes your own copy.</source>
        <translation>唯讀：%1 正開啟此地圖。你的變更無法儲存到該檔案；「另存新檔」可儲存你自己的複本。</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新載入</translation>
    </message>
    <message>
        <source>Reloaded %1 from disk</source>
        <translation>已從磁碟重新載入 %1</translation>
    </message>
    <message>
        <source>Restored from %1; save to keep it.</source>
        <translation>已從 %1 復原；請儲存以保留。</translation>
    </message>
    <message>
        <source>Revert to Saved</source>
        <translation>回復為已儲存版本</translation>
    </message>
    <message>
        <source>Save As...</source>
        <translation>另存新檔...</translation>
    </message>
    <message>
        <source>Save Journey Map</source>
        <translation>儲存旅程地圖</translation>
    </message>
    <message>
        <source>Save a Copy As...</source>
        <translation>另存複本...</translation>
    </message>
    <message>
        <source>Save as Template</source>
        <translation>另存為範本</translation>
    </message>
    <message>
        <source>Save the changes to “%1” before closing?</source>
        <translation>關閉前儲存對「%1」的變更嗎？</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已儲存 %1</translation>
    </message>
    <message>
        <source>Saved as a template: File ▸ New from Template... offers it now.</source>
        <translation>已另存為範本：現在可在「檔案 ▸ 從範本新增...」中使用。</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>範本</translation>
    </message>
    <message>
        <source>The template “%1” could not be read: %2</source>
        <translation>無法讀取範本「%1」：%2</translation>
    </message>
    <message>
        <source>The version of “%1” on disk could not be read; yours stays open.</source>
        <translation>無法讀取磁碟上的「%1」版本；你的版本保持開啟。</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未儲存的變更</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Your new map; save it to keep it.</source>
        <translation>你的新地圖；請儲存以保留。</translation>
    </message>
    <message>
        <source>“%1” could not be opened.</source>
        <translation>無法開啟「%1」。</translation>
    </message>
    <message>
        <source>“%1” could not be read.</source>
        <translation>無法讀取「%1」。</translation>
    </message>
    <message>
        <source>“%1” could not be saved.</source>
        <translation>無法儲存「%1」。</translation>
    </message>
    <message>
        <source>“%1” is already open by %2 (since %3).</source>
        <translation>「%1」已由 %2 開啟（自 %3 起）。</translation>
    </message>
    <message>
        <source>“%1” was changed by someone else since you opened it.</source>
        <translation>自你開啟以來，「%1」已被他人修改。</translation>
    </message>
    <message>
        <source>“%1” was changed on disk by someone else. Reload it?</source>
        <translation>「%1」已被他人在磁碟上修改。要重新載入嗎？</translation>
    </message>
    <message>
        <source>“%1” was changed on disk by someone else. Reload it? Your unsaved changes are kept as a recovery copy, offered the next time CJM Studio starts.</source>
        <translation>「%1」已被他人在磁碟上修改。要重新載入嗎？你未儲存的變更將保留為復原複本，在下次啟動 CJM Studio 時提供。</translation>
    </message>
    <message>
        <source>Import Excel Workbook</source>
        <translation>匯入 Excel 工作簿</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;All files (*)</source>
        <translation>Excel 工作簿 (*.xlsx);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Could not import %1.</source>
        <translation>無法匯入 %1。</translation>
    </message>
    <message>
        <source>Update from Spreadsheet</source>
        <translation>從電子表格更新</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>電子表格 (*.xlsx *.csv);;所有檔案 (*)</translation>
    </message>
</context>
<context>
    <name>cjm::EditActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>取消復原(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪下(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>複製(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>貼上(&amp;P)</translation>
    </message>
    <message>
        <source>Dup&amp;licate</source>
        <translation>再製(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Find...</source>
        <translation>尋找(&amp;F)...</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>刪除(&amp;D)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全選(&amp;A)</translation>
    </message>
</context>
<context>
    <name>cjm::EditCommand</name>
    <message>
        <source>“%1” cannot be undone: a teammate has changed it since.</source>
        <translation>無法復原「%1」：隊友之後更改了它。</translation>
    </message>
    <message>
        <source>“%1” cannot be redone: a teammate has changed it since.</source>
        <translation>無法重做「%1」：隊友之後更改了它。</translation>
    </message>
    <message>
        <source>“%1” cannot be undone: a teammate deleted what it changed.</source>
        <translation>無法復原「%1」：隊友刪除了它所更改的內容。</translation>
    </message>
    <message>
        <source>“%1” cannot be redone: a teammate deleted what it changed.</source>
        <translation>無法重做「%1」：隊友刪除了它所更改的內容。</translation>
    </message>
</context>
<context>
    <name>cjm::ExportActions</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Could Not Export Map</source>
        <translation>無法匯出地圖</translation>
    </message>
    <message>
        <source>Export Map</source>
        <translation>匯出地圖</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已匯出 %1</translation>
    </message>
    <message>
        <source>Exporting %1...</source>
        <translation>正在匯出 %1...</translation>
    </message>
    <message>
        <source>Journey map</source>
        <translation>旅程地圖</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>預覽列印</translation>
    </message>
    <message>
        <source>Export as Excel Workbook</source>
        <translation>匯出為 Excel 工作簿</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>cjm::ExportDialog</name>
    <message>
        <source>Export Map</source>
        <translation>匯出地圖</translation>
    </message>
    <message>
        <source>PNG picture</source>
        <translation>PNG 圖片</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG 向量圖</translation>
    </message>
    <message>
        <source>CSV card inventory (spreadsheet)</source>
        <translation>CSV 卡片清單（試算表）</translation>
    </message>
    <message>
        <source>Whole map</source>
        <translation>整張地圖</translation>
    </message>
    <message numerus="yes">
        <source>Selected cards (%n)</source>
        <translation>
            <numerusform>選取的卡片（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Persona: %1</source>
        <translation>人物誌：%1</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>圖片</translation>
    </message>
    <message>
        <source>Transparent background</source>
        <translation>透明背景</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>比例：</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>頁面</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter 信紙</translation>
    </message>
    <message>
        <source>Tabloid</source>
        <translation>Tabloid 小報</translation>
    </message>
    <message>
        <source>One page the size of the map</source>
        <translation>與地圖同尺寸的單頁</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>直向</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>橫向</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> 公釐</translation>
    </message>
    <message>
        <source>Fit the map on one page</source>
        <translation>將地圖縮放至一頁</translation>
    </message>
    <message>
        <source>Full size over several pages (headers repeated)</source>
        <translation>原尺寸分多頁（重複標題）</translation>
    </message>
    <message>
        <source>One page per persona</source>
        <translation>每個人物誌一頁</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>紙張：</translation>
    </message>
    <message>
        <source>Orientation:</source>
        <translation>方向：</translation>
    </message>
    <message>
        <source>Margins:</source>
        <translation>邊界：</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>版面配置：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>匯出：</translation>
    </message>
    <message>
        <source>Pain heat strip under the stage headers</source>
        <translation>在階段標題下顯示痛點熱度條</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>匯出...</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s), one row each, UTF-8 for Excel</source>
        <translation>
            <numerusform>%n 張卡片，每張一列，UTF-8 編碼，適用於 Excel</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 像素</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>landscape</source>
        <translation>橫向</translation>
    </message>
    <message>
        <source>portrait</source>
        <translation>直向</translation>
    </message>
    <message>
        <source>Vector drawing, text kept as text</source>
        <translation>向量圖，文字保留為文字</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 圖片 (*.png)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 向量圖 (*.svg)</translation>
    </message>
    <message>
        <source>CSV spreadsheets (*.csv)</source>
        <translation>CSV 試算表 (*.csv)</translation>
    </message>
    <message>
        <source>PowerPoint slides (editable)</source>
        <translation>PowerPoint 投影片（可編輯）</translation>
    </message>
    <message>
        <source>Slides for a deck (16:9)</source>
        <translation>簡報投影片（16:9）</translation>
    </message>
    <message>
        <source>Slides for a deck (4:3)</source>
        <translation>簡報投影片（4:3）</translation>
    </message>
    <message numerus="yes">
        <source>%n slide(s), %1, card text %2 pt</source>
        <translation>
            <numerusform>%n 張投影片，%1，卡片文字 %2 點</numerusform>
        </translation>
    </message>
    <message>
        <source>PowerPoint presentations (*.pptx)</source>
        <translation>PowerPoint 簡報 (*.pptx)</translation>
    </message>
</context>
<context>
    <name>cjm::FindBar</name>
    <message>
        <source>Find cards</source>
        <translation>尋找卡片</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一個相符項目 (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>下一個相符項目 (Enter)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>沒有相符項目</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 個相符項目</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 個，共 %2 個</translation>
    </message>
</context>
<context>
    <name>cjm::InsightsPanel</name>
    <message>
        <source>Stage</source>
        <translation>階段</translation>
    </message>
    <message>
        <source>Pain points</source>
        <translation>痛點</translation>
    </message>
    <message>
        <source>Barriers</source>
        <translation>障礙</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>權重</translation>
    </message>
    <message>
        <source>Ideas</source>
        <translation>構想</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已規劃</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>進行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>The sum of their severities (1 low to 3 high)</source>
        <translation>其嚴重程度總和（1 為低，3 為高）</translation>
    </message>
    <message>
        <source>Only %1, the persona in focus, is counted.</source>
        <translation>只統計聚焦的人物誌 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Cards in %n hidden lane(s) are not counted.</source>
        <translation>
            <numerusform>%n 條隱藏泳道中的卡片不計入。</numerusform>
        </translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>人物誌</translation>
    </message>
    <message>
        <source>Felt</source>
        <translation>實際感受</translation>
    </message>
    <message>
        <source>Desired</source>
        <translation>期望感受</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>差距</translation>
    </message>
    <message>
        <source>Desired minus felt: how much better the customer should feel there</source>
        <translation>期望減去實際：客戶在此處應當感覺好多少</translation>
    </message>
    <message>
        <source>Largest gaps between felt and desired emotion</source>
        <translation>實際情緒與期望情緒差距最大之處</translation>
    </message>
    <message>
        <source>No emotion has a desired score yet (Inspector ▸ Desired).</source>
        <translation>還沒有情緒設定期望分值（屬性 ▸ 期望）。</translation>
    </message>
</context>
<context>
    <name>cjm::InspectorPanel</name>
    <message>
        <source>Only PNG and JPEG pictures can go on a card.</source>
        <translation>卡片上只能放 PNG 和 JPEG 圖片。</translation>
    </message>
    <message>
        <source>The picture is too large: at most 8192 x 8192 pixels.</source>
        <translation>圖片太大：最大 8192 x 8192 像素。</translation>
    </message>
    <message>
        <source>The picture could not be read, or is larger than 8 MiB.</source>
        <translation>無法讀取圖片，或圖片大於 8 MiB。</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>圖片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Picture Not Added</source>
        <translation>未新增圖片</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>留言</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) selected</source>
        <translation>
            <numerusform>已選取 %n 張卡片</numerusform>
        </translation>
    </message>
    <message>
        <source>Card: %1</source>
        <translation>卡片：%1</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>階段</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>人物誌</translation>
    </message>
    <message>
        <source>Journey map</source>
        <translation>旅程地圖</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>Map type:</source>
        <translation>地圖類型：</translation>
    </message>
    <message>
        <source>Map type</source>
        <translation>地圖類型</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>客群區隔</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>No review schedule</source>
        <translation>無覆核排程</translation>
    </message>
    <message>
        <source>Review every:</source>
        <translation>覆核間隔：</translation>
    </message>
    <message>
        <source>Review interval</source>
        <translation>覆核間隔</translation>
    </message>
    <message>
        <source>Next review on</source>
        <translation>下次覆核日期</translation>
    </message>
    <message>
        <source>Next review:</source>
        <translation>下次覆核：</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>下次覆核</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>Phase:</source>
        <translation>購買階段：</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>購買階段</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>顏色：</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>選擇...</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>預設</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>顏色</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Frustrations</source>
        <translation>挫折</translation>
    </message>
    <message>
        <source>Avatar:</source>
        <translation>大頭貼：</translation>
    </message>
    <message>
        <source>Choose picture...</source>
        <translation>選擇圖片...</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Choose an Avatar</source>
        <translation>選擇大頭貼</translation>
    </message>
    <message>
        <source>Avatar</source>
        <translation>大頭貼</translation>
    </message>
    <message>
        <source>Feeling:</source>
        <translation>感受：</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>文字：</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>comma, separated</source>
        <translation>以逗號, 分隔</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>標籤：</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>連結：</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>連結</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>通路：</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>通路</translation>
    </message>
    <message>
        <source>Direct: the business controls this touchpoint</source>
        <translation>直接：企業可掌控此接觸點</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>直接</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>未評分</translation>
    </message>
    <message>
        <source>Audit note:</source>
        <translation>稽核備註：</translation>
    </message>
    <message>
        <source>Audit note</source>
        <translation>稽核備註</translation>
    </message>
    <message>
        <source>Reviewed on</source>
        <translation>稽核日期</translation>
    </message>
    <message>
        <source>Reviewed:</source>
        <translation>稽核日期：</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>稽核日期</translation>
    </message>
    <message>
        <source>Score:</source>
        <translation>分數：</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分數</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>嚴重程度</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>影響</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>狀態：</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>數值</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目標值</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>單位：</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>單位</translation>
    </message>
    <message>
        <source>Picture:</source>
        <translation>圖片：</translation>
    </message>
    <message>
        <source>Choose a Picture</source>
        <translation>選擇圖片</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>圖片</translation>
    </message>
    <message>
        <source>Add...</source>
        <translation>新增...</translation>
    </message>
    <message>
        <source>Comments:</source>
        <translation>留言：</translation>
    </message>
    <message>
        <source>Add Comment</source>
        <translation>新增留言</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>留言：</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <source>Kind&apos;s colour</source>
        <translation>類型顏色</translation>
    </message>
    <message>
        <source>Link Not Opened</source>
        <translation>未開啟連結</translation>
    </message>
    <message>
        <source>Only web (http, https) and e-mail (mailto) links are opened.</source>
        <translation>只會開啟網頁（http、https）和電子郵件（mailto）連結。</translation>
    </message>
    <message>
        <source>Opens %1</source>
        <translation>開啟 %1</translation>
    </message>
    <message>
        <source>Not a web or e-mail address: it is not opened.</source>
        <translation>不是網頁或電子郵件地址：不會開啟。</translation>
    </message>
    <message>
        <source>The UI language</source>
        <translation>介面語言</translation>
    </message>
    <message>
        <source>The language of the map&apos;s text, as a BCP 47 tag such as en, zh-CN or de-CH; it decides the language of what the program draws on the map.</source>
        <translation>地圖文字的語言，使用 BCP 47 標籤，例如 en、zh-CN 或 de-CH；程式在地圖上繪製的文字都使用這種語言。</translation>
    </message>
    <message>
        <source>Map language:</source>
        <translation>地圖語言：</translation>
    </message>
    <message>
        <source>Map language</source>
        <translation>地圖語言</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a language tag. Use one such as en, zh-CN or de-CH.</source>
        <translation>“%1”不是語言標籤。請使用 en、zh-CN 或 de-CH 這樣的標籤。</translation>
    </message>
    <message>
        <source>None</source>
        <translation>無</translation>
    </message>
    <message>
        <source>Desired:</source>
        <translation>期望：</translation>
    </message>
    <message>
        <source>Desired Score</source>
        <translation>期望分值</translation>
    </message>
    <message>
        <source>Only web addresses (http:// or https://) are kept: this link is not saved.</source>
        <translation>只儲存網址（http:// 或 https://）：此連結未儲存。</translation>
    </message>
</context>
<context>
    <name>cjm::MainWindow</name>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自動儲存失敗：%1</translation>
    </message>
    <message>
        <source>This map is open read-only. Use Save As to make your own copy.</source>
        <translation>此地圖以唯讀方式開啟。請使用「另存新檔」儲存你自己的複本。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>主工具列</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>開新檔案(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open...</source>
        <translation>開啟(&amp;O)...</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近開啟(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>匯入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;CSV...</source>
        <translation>&amp;CSV...</translation>
    </message>
    <message>
        <source>Compare &amp;With...</source>
        <translation>比較(&amp;W)...</translation>
    </message>
    <message>
        <source>Mar&amp;k Map Reviewed</source>
        <translation>標記地圖已覆核(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As...</source>
        <translation>另存新檔(&amp;A)...</translation>
    </message>
    <message>
        <source>Re&amp;vert to Saved</source>
        <translation>回復為已儲存版本(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Export...</source>
        <translation>匯出(&amp;E)...</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>列印(&amp;P)...</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>關閉(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>實際大小(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>符合視窗大小(&amp;F)</translation>
    </message>
    <message>
        <source>Pain &amp;Heat Strip</source>
        <translation>痛點熱度條(&amp;H)</translation>
    </message>
    <message>
        <source>Under each stage header, how much its pain points and barriers weigh</source>
        <translation>在每個階段標題下顯示其痛點與障礙的分量</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>依照系統(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About CJM Studio</source>
        <translation>關於 CJM Studio(&amp;A)</translation>
    </message>
    <message>
        <source>About CJM Studio</source>
        <translation>關於 CJM Studio</translation>
    </message>
    <message>
        <source>%1 [Read-Only] — CJM Studio</source>
        <translation>%1 [唯讀] — CJM Studio</translation>
    </message>
    <message>
        <source>%1[*] — CJM Studio</source>
        <translation>%1[*] — CJM Studio</translation>
    </message>
    <message numerus="yes">
        <source>%n persona(s)</source>
        <translation>
            <numerusform>%n 個人物誌</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stage(s)</source>
        <translation>
            <numerusform>%n 個階段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n 張卡片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) selected</source>
        <translation>
            <numerusform>已選取 %n 張卡片</numerusform>
        </translation>
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation>縮放 %1%</translation>
    </message>
    <message>
        <source>The review of this map is due today.</source>
        <translation>此地圖今天到期覆核。</translation>
    </message>
    <message numerus="yes">
        <source>The review of this map is overdue by %n day(s).</source>
        <translation>
            <numerusform>此地圖的覆核已逾期 %n 天。</numerusform>
        </translation>
    </message>
    <message>
        <source>Owner: %1.</source>
        <translation>負責人：%1。</translation>
    </message>
    <message numerus="yes">
        <source>Reviewed every %n day(s).</source>
        <translation>
            <numerusform>每 %n 天覆核一次。</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark Reviewed</source>
        <translation>標記為已覆核</translation>
    </message>
    <message>
        <source>Reviewed. The next review is on %1.</source>
        <translation>已覆核。下次覆核日期為 %1。</translation>
    </message>
    <message>
        <source>Reviewed. No further review is scheduled (set an interval in the journey&apos;s details).</source>
        <translation>已覆核。沒有安排後續覆核（請在旅程詳細資料中設定間隔）。</translation>
    </message>
    <message>
        <source>New from &amp;Template...</source>
        <translation>從範本新增(&amp;T)...</translation>
    </message>
    <message>
        <source>Create &amp;Future-State Copy</source>
        <translation>建立未來狀態複本(&amp;F)</translation>
    </message>
    <message>
        <source>Save as Te&amp;mplate...</source>
        <translation>另存為範本(&amp;M)...</translation>
    </message>
    <message>
        <source>New with Wi&amp;zard...</source>
        <translation>使用精靈新增(&amp;Z)...</translation>
    </message>
    <message>
        <source>CJM Studio %1</source>
        <translation>CJM Studio %1</translation>
    </message>
    <message>
        <source>A desktop editor for customer journey maps.</source>
        <translation>客戶旅程地圖的桌面編輯器。</translation>
    </message>
    <message>
        <source>&amp;Excel Workbook...</source>
        <translation>Excel 工作簿(&amp;E)...</translation>
    </message>
    <message>
        <source>&amp;Update from Spreadsheet...</source>
        <translation>從電子表格更新(&amp;U)...</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>復原</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Export as E&amp;xcel Workbook...</source>
        <translation>匯出為 Excel 工作簿(&amp;X)...</translation>
    </message>
</context>
<context>
    <name>cjm::MapAccessibility</name>
    <message>
        <source>Journey map</source>
        <translation>旅程地圖</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n 張卡片</numerusform>
        </translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>通路 %1</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>分數 %1</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>severity %1</source>
        <translation>嚴重程度 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>cjm::MessageBar</name>
    <message>
        <source>Hide this message</source>
        <translation>隱藏此訊息</translation>
    </message>
</context>
<context>
    <name>cjm::PalettePanel</name>
    <message>
        <source>Stage</source>
        <translation>階段</translation>
    </message>
    <message>
        <source>Drag between two columns to add a stage</source>
        <translation>拖曳到兩欄之間以新增階段</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>人物誌</translation>
    </message>
    <message>
        <source>Drag between two bands to add a persona</source>
        <translation>拖曳到兩個橫帶之間以新增人物誌</translation>
    </message>
    <message>
        <source>Drag into a persona&apos;s band and a stage&apos;s column</source>
        <translation>拖曳到某個人物誌的橫帶與某個階段的欄</translation>
    </message>
    <message>
        <source>Touchpoint: %1</source>
        <translation>接觸點：%1</translation>
    </message>
    <message>
        <source>A touchpoint on this channel</source>
        <translation>此通路上的接觸點</translation>
    </message>
</context>
<context>
    <name>cjm::PasswordDialog</name>
    <message>
        <source>Team Library Password</source>
        <translation>團隊庫密碼</translation>
    </message>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation>記在系統鑰匙圈中(&amp;R)</translation>
    </message>
    <message>
        <source>Leave the password empty to use ~/.pgpass or a pg_service.conf service.</source>
        <translation>密碼留空則使用 ~/.pgpass 或 pg_service.conf 中的服務。</translation>
    </message>
    <message>
        <source>(The keychain said: %1)</source>
        <translation>（鑰匙圈的回答：%1）</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>連線：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密碼(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>cjm::PresentationWindow</name>
    <message>
        <source>Feeling: %1</source>
        <translation>感受：%1</translation>
    </message>
    <message>
        <source>The picture cannot be shown: %1</source>
        <translation>無法顯示圖片：%1</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message numerus="yes">
        <source>%n Comment(s)</source>
        <translation>
            <numerusform>%n 條評論</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 – Presentation</source>
        <translation>%1 – 簡報</translation>
    </message>
    <message>
        <source>This view has no slides: it shows no persona with stages.
Press Esc to leave.</source>
        <translation>此檢視沒有投影片：它沒有顯示任何帶階段的人物誌。
按 Esc 退出。</translation>
    </message>
</context>
<context>
    <name>cjm::PresenterView</name>
    <message>
        <source>Presenter View</source>
        <translation>演講者檢視</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一張</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>No slides</source>
        <translation>沒有投影片</translation>
    </message>
    <message>
        <source>Slide %1 of %2</source>
        <translation>第 %1 張，共 %2 張</translation>
    </message>
    <message>
        <source>No notes on this slide.</source>
        <translation>這張投影片沒有備註。</translation>
    </message>
</context>
<context>
    <name>cjm::SetupWizard</name>
    <message>
        <source>New Journey Map</source>
        <translation>新增旅程地圖</translation>
    </message>
    <message>
        <source>What is this map for?</source>
        <translation>這張地圖的用途是什麼？</translation>
    </message>
    <message>
        <source>A journey map answers a question. Name it, and say what the team wants to learn or change.</source>
        <translation>旅程地圖要回答一個問題。為它命名，並說明團隊想了解或改變什麼。</translation>
    </message>
    <message>
        <source>e.g. Find out why first-time buyers do not come back</source>
        <translation>例如：找出首次購買者為何不再回購</translation>
    </message>
    <message>
        <source>Current state: how it is today</source>
        <translation>目前狀態：今天的樣子</translation>
    </message>
    <message>
        <source>Future state: how it should be</source>
        <translation>未來狀態：應有的樣子</translation>
    </message>
    <message>
        <source>Day in the life: the customer&apos;s whole day</source>
        <translation>日常生活：顧客的一整天</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>標題：</translation>
    </message>
    <message>
        <source>Goal:</source>
        <translation>目標：</translation>
    </message>
    <message>
        <source>Map type:</source>
        <translation>地圖類型：</translation>
    </message>
    <message>
        <source>Stages from:</source>
        <translation>階段來自：</translation>
    </message>
    <message>
        <source>Who is on the journey?</source>
        <translation>誰在這段旅程中？</translation>
    </message>
    <message>
        <source>The audience segment, and its personas. One map per persona is easiest to read; several personas on one map are fine when their journeys are compared.</source>
        <translation>受眾區隔及其人物誌。每個人物誌一張地圖最易閱讀；需要比較他們的旅程時，一張地圖上放多個人物誌也可以。</translation>
    </message>
    <message>
        <source>e.g. Parents of school children, first online purchase</source>
        <translation>例如：學齡兒童的家長，首次網購</translation>
    </message>
    <message>
        <source>One persona per line</source>
        <translation>每行一個人物誌</translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation>區隔：</translation>
    </message>
    <message>
        <source>Personas:</source>
        <translation>人物誌：</translation>
    </message>
    <message>
        <source>The stages of the journey</source>
        <translation>旅程的階段</translation>
    </message>
    <message>
        <source>From the first contact to coming back, in the customer&apos;s words. Rename, add or remove lines.</source>
        <translation>從第一次接觸到再次光顧，用顧客的話來寫。可重新命名、新增或刪除行。</translation>
    </message>
    <message>
        <source>Touchpoints</source>
        <translation>接觸點</translation>
    </message>
    <message>
        <source>Where does the customer meet you in each stage? Tick them; you can add your own on the map later.</source>
        <translation>在每個階段，顧客在哪裡與你接觸？勾選它們；之後也可以在地圖上新增自己的接觸點。</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>接觸點</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>管道</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Before purchase</source>
        <translation>購買前</translation>
    </message>
    <message>
        <source>During purchase</source>
        <translation>購買中</translation>
    </message>
    <message>
        <source>After purchase</source>
        <translation>購買後</translation>
    </message>
    <message>
        <source>online</source>
        <translation>線上</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>線下</translation>
    </message>
    <message>
        <source>third party</source>
        <translation>第三方</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n ticked</source>
        <translation>
            <numerusform>已勾選 %1 / %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n touchpoint(s)</source>
        <translation>
            <numerusform>%n 個接觸點</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>cjm::SheetUpdateDialog</name>
    <message>
        <source>Could not read %1: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is larger than 256 MiB.</source>
        <translation>%1 大於 256 MiB。</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Update from Spreadsheet</source>
        <translation>從電子表格更新</translation>
    </message>
    <message>
        <source>Rows of %1 are matched to this map&apos;s cards by id. What the sheet holds of a card is taken from it; rows without a card are added. Nothing else of the map changes.</source>
        <translation>%1 中的行按 id 與本地圖的卡片對應。表格中卡片的內容以表格為準；沒有對應卡片的行會被新增。地圖的其他內容不變。</translation>
    </message>
    <message>
        <source>Changes:</source>
        <translation>更改：</translation>
    </message>
    <message>
        <source>Cards without a row:</source>
        <translation>表格中沒有對應行的卡片：</translation>
    </message>
    <message>
        <source>Remove the cards without a row</source>
        <translation>刪除表格中沒有對應行的卡片</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>應用</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) changed, </source>
        <translation>
            <numerusform>%n 張卡片已更改，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added, </source>
        <translation>
            <numerusform>%n 張已新增，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed.</source>
        <translation>
            <numerusform>%n 張已刪除。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::StartDialog</name>
    <message>
        <source>Welcome to CJM Studio</source>
        <translation>歡迎使用 CJM Studio</translation>
    </message>
    <message>
        <source>Start a customer journey map</source>
        <translation>開始繪製顧客旅程地圖</translation>
    </message>
    <message>
        <source>New with the Wizard</source>
        <translation>使用精靈新增</translation>
    </message>
    <message>
        <source>Goal, audience, personas, stages and touchpoints, step by step</source>
        <translation>逐步設定目標、受眾、人物誌、階段和接觸點</translation>
    </message>
    <message>
        <source>New from a Template</source>
        <translation>從範本新增</translation>
    </message>
    <message>
        <source>Retail store, e-commerce, B2B, service support and more, with examples</source>
        <translation>零售門市、電子商務、B2B、客戶服務等，附範例</translation>
    </message>
    <message>
        <source>New Blank Map</source>
        <translation>新增空白地圖</translation>
    </message>
    <message>
        <source>Five stages and the usual lanes, nothing else</source>
        <translation>五個階段和常用泳道，沒有其他內容</translation>
    </message>
    <message>
        <source>Open a Map...</source>
        <translation>開啟地圖...</translation>
    </message>
    <message>
        <source>A .cjm file from your computer or a shared drive</source>
        <translation>來自你的電腦或共用磁碟的 .cjm 檔案</translation>
    </message>
    <message>
        <source>Recent maps:</source>
        <translation>最近的地圖：</translation>
    </message>
    <message>
        <source>Show at startup</source>
        <translation>啟動時顯示</translation>
    </message>
</context>
<context>
    <name>cjm::StructurePanel</name>
    <message>
        <source>Personas</source>
        <translation>人物誌</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>階段</translation>
    </message>
    <message>
        <source>Lanes</source>
        <translation>泳道</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Add a persona, stage or lane</source>
        <translation>新增人物誌、階段或泳道</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Delete it and the cards in it</source>
        <translation>刪除它及其中的卡片</translation>
    </message>
    <message>
        <source>Move up / left</source>
        <translation>上移 / 左移</translation>
    </message>
    <message>
        <source>Move down / right</source>
        <translation>下移 / 右移</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>聚焦</translation>
    </message>
    <message>
        <source>Show only this persona&apos;s band</source>
        <translation>只顯示此人物誌的橫帶</translation>
    </message>
    <message numerus="yes">
        <source>Delete “%1” and the %n card(s) in it?</source>
        <translation>
            <numerusform>刪除「%1」及其中的 %n 張卡片？</numerusform>
        </translation>
    </message>
    <message>
        <source>You can undo this with Edit ▸ Undo.</source>
        <translation>可以透過「編輯 ▸ 復原」復原此動作。</translation>
    </message>
</context>
<context>
    <name>cjm::TeamActions</name>
    <message>
        <source>Open from Team Li&amp;brary...</source>
        <translation>從團隊庫開啟(&amp;B)...</translation>
    </message>
    <message>
        <source>Open a map of the team library on a PostgreSQL server, to edit it with others</source>
        <translation>開啟 PostgreSQL 伺服器上團隊庫中的地圖，與他人一起編輯</translation>
    </message>
    <message>
        <source>Save to Team &amp;Library...</source>
        <translation>儲存到團隊庫(&amp;L)...</translation>
    </message>
    <message>
        <source>Put this map in the team library: from then on it is edited together</source>
        <translation>把這張地圖放入團隊庫：此後大家一起編輯它</translation>
    </message>
    <message numerus="yes">
        <source>This map lives in the team library: each change is sent as you make it. %n change(s) waiting are kept on this computer until the server takes them. Save As writes a copy to a file.</source>
        <translation>
            <numerusform>這張地圖在團隊庫中：每處更改都會在你做出時傳送。%n 處等待中的更改儲存在這台電腦上，直到伺服器接收。「另存為」會把副本寫入檔案。</numerusform>
        </translation>
    </message>
    <message>
        <source>This map lives in the team library: each change is sent as you make it. Save As writes a copy to a file.</source>
        <translation>這張地圖在團隊庫中：每處更改都會在你做出時傳送。「另存為」會把副本寫入檔案。</translation>
    </message>
    <message>
        <source>Could Not Open Team Map</source>
        <translation>無法開啟團隊地圖</translation>
    </message>
    <message>
        <source>The map “%1” could not be opened.</source>
        <translation>無法開啟地圖「%1」。</translation>
    </message>
    <message>
        <source>Show Conflicts</source>
        <translation>顯示衝突</translation>
    </message>
    <message>
        <source>%1 — Team Library</source>
        <translation>%1 — 團隊庫</translation>
    </message>
    <message>
        <source>%1 · %2 — Team Library</source>
        <translation>%1 · %2 — 團隊庫</translation>
    </message>
    <message>
        <source>The history cannot be read now: %1</source>
        <translation>現在無法讀取歷史：%1</translation>
    </message>
    <message>
        <source>Connected as %1</source>
        <translation>已作為 %1 連線</translation>
    </message>
    <message>
        <source>The team server cannot be reached: %1</source>
        <translation>無法連線團隊伺服器：%1</translation>
    </message>
    <message>
        <source>Saved to the team library as “%1”. Teammates open it with File ▸ Open from Team Library; your edits are sent as you make them.</source>
        <translation>已儲存到團隊庫，編號為「%1」。隊友可透過 檔案 ▸ 從團隊庫開啟 開啟它；你的編輯會在做出時傳送。</translation>
    </message>
    <message>
        <source>--team-map needs --team-db, the connection string of the team library</source>
        <translation>--team-map 需要同時提供 --team-db（團隊庫的連線字串）</translation>
    </message>
    <message>
        <source>--team-db needs --team-map, the id of the map to open</source>
        <translation>--team-db 需要同時提供 --team-map（要開啟的地圖 ID）</translation>
    </message>
    <message>
        <source>--team-map: “%1” is not a map id (a letter or digit, then letters, digits, “.”, “_” or “-”, at most 128)</source>
        <translation>--team-map：「%1」不是地圖 ID（以字母或數字開頭，其後為字母、數字、「.」、「_」或「-」，最多 128 個字元）</translation>
    </message>
    <message>
        <source>--team-db: the connection string is empty</source>
        <translation>--team-db：連線字串為空</translation>
    </message>
    <message>
        <source>--team-db: %1</source>
        <translation>--team-db：%1</translation>
    </message>
    <message>
        <source>--team-db: leave the password out (anyone on this computer can read a command line); put it in ~/.pgpass, or CJM Studio asks for it</source>
        <translation>--team-db：請勿包含密碼（這台電腦上的任何人都能看到命令列）；請將密碼放在 ~/.pgpass 中，或由 CJM Studio 詢問</translation>
    </message>
</context>
<context>
    <name>cjm::TeamAvatars</name>
    <message>
        <source>People on this map</source>
        <translation>正在檢視這張地圖的人</translation>
    </message>
</context>
<context>
    <name>cjm::TeamCredentials</name>
    <message>
        <source>No system keychain is available, so CJM Studio cannot remember the password: it asks for it each time. To connect without being asked, put the password in ~/.pgpass (or the file PGPASSFILE names) or use a service from pg_service.conf; CJM Studio never keeps a password in its settings.</source>
        <translation>沒有可用的系統鑰匙圈，所以 CJM Studio 無法記住密碼：每次都會詢問。若要連線時不被詢問，請把密碼寫入 ~/.pgpass（或 PGPASSFILE 指定的檔案），或使用 pg_service.conf 中的服務；CJM Studio 從不在設定中儲存密碼。</translation>
    </message>
    <message>
        <source>The password was taken out of the connection string: CJM Studio keeps passwords in the system keychain (or libpq&apos;s ~/.pgpass), never in its settings.</source>
        <translation>已從連線字串中去掉密碼：CJM Studio 把密碼儲存在系統鑰匙圈（或 libpq 的 ~/.pgpass）中，從不儲存在設定裡。</translation>
    </message>
    <message>
        <source>The password could not be saved in the keychain: %1</source>
        <translation>無法把密碼儲存到鑰匙圈：%1</translation>
    </message>
</context>
<context>
    <name>cjm::TeamHistoryDialog</name>
    <message>
        <source>&amp;Compare</source>
        <translation>比較(&amp;C)</translation>
    </message>
    <message>
        <source>Side by &amp;Side</source>
        <translation>並排(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢復(&amp;R)…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>歷史</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>%1 的歷史</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Changes between the versions</source>
        <translation>兩個版本之間的更改</translation>
    </message>
    <message>
        <source>Select two versions to see what changed between them</source>
        <translation>選擇兩個版本以檢視它們之間的更改</translation>
    </message>
    <message>
        <source>Select one version to make it the map&apos;s newest version</source>
        <translation>選擇一個版本，使其成為地圖的最新版本</translation>
    </message>
    <message>
        <source>version %1 (%2, %3)</source>
        <translation>版本 %1（%2，%3）</translation>
    </message>
    <message>
        <source>Restore %1 as a new version of the map?
Everyone who has the map open gets it; the versions after it stay in the history.</source>
        <translation>把%1恢復為地圖的新版本嗎？
所有開啟這張地圖的人都會收到它；之後的版本仍保留在歷史中。</translation>
    </message>
    <message>
        <source>first version</source>
        <translation>第一個版本</translation>
    </message>
    <message>
        <source>Reading both versions…</source>
        <translation>正在讀取兩個版本…</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>%1 and %2 hold the same map.</source>
        <translation>%1 與 %2 的地圖相同。</translation>
    </message>
    <message numerus="yes">
        <source>From %1 to %2: %n change(s).</source>
        <translation>
            <numerusform>從%1到%2：%n 處更改。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 beside %2</source>
        <translation>%1 與 %2 並排</translation>
    </message>
    <message>
        <source>Restore Version</source>
        <translation>恢復版本</translation>
    </message>
    <message>
        <source>Restoring %1…</source>
        <translation>正在恢復%1…</translation>
    </message>
    <message>
        <source>Restored %1 as version %2.</source>
        <translation>已將%1恢復為版本 %2。</translation>
    </message>
</context>
<context>
    <name>cjm::TeamLibraryDialog</name>
    <message>
        <source>owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>editor</source>
        <translation>編輯者</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>檢視者</translation>
    </message>
    <message>
        <source>Open from Team Library</source>
        <translation>從團隊庫開啟</translation>
    </message>
    <message>
        <source>Save to Team Library</source>
        <translation>儲存到團隊庫</translation>
    </message>
    <message>
        <source>A PostgreSQL connection string (key=value or postgresql://...). A password is asked for when needed and never stored in the settings.</source>
        <translation>PostgreSQL 連線字串（key=value 或 postgresql://...）。需要時會詢問密碼，密碼從不儲存在設定中。</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>連線(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;onnection:</source>
        <translation>連線(&amp;O)：</translation>
    </message>
    <message>
        <source>made up when left empty</source>
        <translation>留空則自動生成</translation>
    </message>
    <message>
        <source>Letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit</source>
        <translation>字母、數字、「.」、「_」或「-」，以字母或數字開頭</translation>
    </message>
    <message>
        <source>Map &amp;id:</source>
        <translation>地圖編號(&amp;I)：</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Your access</source>
        <translation>你的權限</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>開啟(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
    </message>
    <message>
        <source>Connect to list the maps you can open.</source>
        <translation>連線後列出你可以開啟的地圖。</translation>
    </message>
    <message>
        <source>“%1” cannot be a map id: use letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (at most 128), starting with a letter or digit.</source>
        <translation>「%1」不能作為地圖編號：請使用字母、數字、「.」、「_」或「-」（最多 128 個），以字母或數字開頭。</translation>
    </message>
    <message>
        <source>Saving to the team library…</source>
        <translation>正在儲存到團隊庫…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在連線…</translation>
    </message>
    <message>
        <source>The server wants a password.</source>
        <translation>伺服器要求輸入密碼。</translation>
    </message>
    <message>
        <source>Could not reach the team library: %1</source>
        <translation>無法連線團隊庫：%1</translation>
    </message>
    <message>
        <source>Saved as “%1”.</source>
        <translation>已儲存為「%1」。</translation>
    </message>
    <message>
        <source>The team library has no map you can open.</source>
        <translation>團隊庫中沒有你可以開啟的地圖。</translation>
    </message>
    <message numerus="yes">
        <source>%n map(s) you can open.</source>
        <translation>
            <numerusform>%n 張你可以開啟的地圖。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::TeamPanels</name>
    <message>
        <source>Comments</source>
        <translation>評論</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>歷史(&amp;H)…</translation>
    </message>
    <message>
        <source>The versions of this team map: compare any two, restore one</source>
        <translation>這張團隊地圖的各個版本：比較任意兩個，恢復其中一個</translation>
    </message>
    <message>
        <source>You are a viewer of this map: you can read the comments but not post, reply or resolve.</source>
        <translation>你是這張地圖的檢視者：可以閱讀評論，但不能發表、回覆或標為已解決。</translation>
    </message>
</context>
<context>
    <name>cjm::TeamSession</name>
    <message>
        <source>The team server cannot be reached, and this map was never opened on this computer, so there is no copy to work on offline.</source>
        <translation>無法連線團隊伺服器，而這張地圖從未在這台電腦上開啟過，所以沒有可離線使用的副本。</translation>
    </message>
    <message>
        <source>The map is not open.</source>
        <translation>地圖未開啟。</translation>
    </message>
    <message>
        <source>You may not open this map: %1</source>
        <translation>你無權開啟這張地圖：%1</translation>
    </message>
    <message>
        <source>The team library has no such map: %1</source>
        <translation>團隊庫中沒有這張地圖：%1</translation>
    </message>
    <message>
        <source>This map is open in another window of CJM Studio, or its local journal cannot be used: %1</source>
        <translation>這張地圖已在 CJM Studio 的另一個視窗中開啟，或者無法使用它的本地日誌：%1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在連線…</translation>
    </message>
    <message numerus="yes">
        <source>Offline — %n change(s) waiting</source>
        <translation>
            <numerusform>離線 — %n 處更改等待發送</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>離線</translation>
    </message>
    <message>
        <source>Syncing… %1</source>
        <translation>正在同步… %1</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>線上</translation>
    </message>
    <message numerus="yes">
        <source>%n of your changes could not be made: a teammate deleted what they changed.</source>
        <translation>
            <numerusform>你的 %n 處更改無法完成：隊友刪除了它們所更改的內容。</numerusform>
        </translation>
    </message>
    <message>
        <source>A change could not be kept on this computer: %1</source>
        <translation>無法在這台電腦上儲存一處更改：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n of your offline changes conflict with a teammate&apos;s: both changed the same thing. Settle each in the Conflicts panel.</source>
        <translation>
            <numerusform>你離線時的 %n 處更改與隊友的更改衝突：雙方改了同一內容。請在「衝突」面板中逐一解決。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::TemplateDialog</name>
    <message>
        <source>New from Template</source>
        <translation>從範本新增</translation>
    </message>
    <message>
        <source>%1 (yours)</source>
        <translation>%1（你的）</translation>
    </message>
    <message>
        <source>Create Map</source>
        <translation>建立地圖</translation>
    </message>
    <message>
        <source>Your Templates Folder</source>
        <translation>你的範本資料夾</translation>
    </message>
    <message>
        <source>Maps saved in this folder appear here as templates</source>
        <translation>儲存在此資料夾中的地圖會作為範本顯示在這裡</translation>
    </message>
    <message numerus="yes">
        <source>%n stage(s)</source>
        <translation>
            <numerusform>%n 個階段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n example card(s)</source>
        <translation>
            <numerusform>%n 張範例卡片</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::ViewActions</name>
    <message>
        <source>&amp;Present</source>
        <translation>簡報(&amp;P)</translation>
    </message>
    <message>
        <source>Show the current view&apos;s slides full screen</source>
        <translation>全屏顯示當前檢視的投影片</translation>
    </message>
    <message>
        <source>Put the selected cards on the clipboard as a picture (PNG and SVG)</source>
        <translation>將所選卡片作為圖片（PNG 和 SVG）放到剪貼簿</translation>
    </message>
    <message>
        <source>&amp;Views</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Save View...</source>
        <translation>儲存檢視(&amp;S)...</translation>
    </message>
    <message>
        <source>Save the personas, stages and lanes to show as a named view in the map</source>
        <translation>將要顯示的人物誌、階段和泳道作為命名檢視儲存在地圖中</translation>
    </message>
    <message>
        <source>&amp;Edit Views...</source>
        <translation>編輯檢視(&amp;E)...</translation>
    </message>
    <message>
        <source>Save View</source>
        <translation>儲存檢視</translation>
    </message>
    <message>
        <source>Edit Views</source>
        <translation>編輯檢視</translation>
    </message>
    <message>
        <source>Copy as Pictur&amp;e</source>
        <translation>複製為圖片(&amp;E)</translation>
    </message>
</context>
<context>
    <name>cjm::ViewsDialog</name>
    <message>
        <source>%1 (hidden in the map)</source>
        <translation>%1（在地圖中已隱藏）</translation>
    </message>
    <message>
        <source>Whole map</source>
        <translation>整張地圖</translation>
    </message>
    <message>
        <source>One persona per slide set</source>
        <translation>每個人物誌一組投影片</translation>
    </message>
    <message>
        <source>Save View</source>
        <translation>儲存檢視</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>檢視</translation>
    </message>
    <message>
        <source>&amp;New View</source>
        <translation>新建檢視(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>刪除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>Every persona</source>
        <translation>所有人物誌</translation>
    </message>
    <message>
        <source>Personas:</source>
        <translation>人物誌：</translation>
    </message>
    <message>
        <source>Every stage</source>
        <translation>所有階段</translation>
    </message>
    <message>
        <source>From one stage to another</source>
        <translation>從一個階段到另一個階段</translation>
    </message>
    <message>
        <source>These stages</source>
        <translation>以下階段</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Stages:</source>
        <translation>階段：</translation>
    </message>
    <message>
        <source>Every lane the map shows</source>
        <translation>地圖顯示的所有泳道</translation>
    </message>
    <message>
        <source>Leave out lanes a persona has no card in</source>
        <translation>略去該人物誌沒有卡片的泳道</translation>
    </message>
    <message>
        <source>Lanes:</source>
        <translation>泳道：</translation>
    </message>
    <message>
        <source>The whole map on one page</source>
        <translation>整張地圖放在一頁</translation>
    </message>
    <message>
        <source>Slides, 16:9</source>
        <translation>投影片，16:9</translation>
    </message>
    <message>
        <source>Slides, 4:3</source>
        <translation>投影片，4:3</translation>
    </message>
    <message>
        <source>Page &amp;layout:</source>
        <translation>頁面佈局(&amp;L)：</translation>
    </message>
    <message>
        <source>View %1 has no name.</source>
        <translation>檢視 %1 沒有名稱。</translation>
    </message>
    <message>
        <source>The name “%1” is taken: each view needs its own name.</source>
        <translation>名稱“%1”已被使用：每個檢視需要自己的名稱。</translation>
    </message>
    <message>
        <source>The view “%1” shows no persona.</source>
        <translation>檢視“%1”沒有顯示任何人物誌。</translation>
    </message>
    <message>
        <source>The view “%1” shows no stage.</source>
        <translation>檢視“%1”沒有顯示任何階段。</translation>
    </message>
    <message>
        <source>The view “%1” shows no lane.</source>
        <translation>檢視“%1”沒有顯示任何泳道。</translation>
    </message>
    <message>
        <source>(a name to type)</source>
        <translation>（請輸入名稱）</translation>
    </message>
</context>
<context>
    <name>cjm::WindowDocks</name>
    <message>
        <source>Palette</source>
        <translation>元件面板</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>屬性</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>結構</translation>
    </message>
    <message>
        <source>Undo History</source>
        <translation>復原記錄</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>衝突</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <source>Touchpoint Audit</source>
        <translation>接觸點稽核</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>洞察</translation>
    </message>
    <message numerus="yes">
        <source>This map was merged from two versions and has %n conflict(s): places where both sides changed the same thing. Settle each in the Conflicts panel.</source>
        <translation>
            <numerusform>此地圖由兩個版本合併而成，有 %n 處衝突：雙方都修改了同一內容。請在「衝突」面板中逐一解決。</numerusform>
        </translation>
    </message>
    <message>
        <source>Show Conflicts</source>
        <translation>顯示衝突</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>CJM Studio, the customer journey map editor.</source>
        <translation>CJM Studio，顧客旅程地圖編輯器。</translation>
    </message>
    <message>
        <source>Maps to open (.cjm).</source>
        <translation>要開啟的地圖 (.cjm)。</translation>
    </message>
    <message>
        <source>Open the map, save a picture of the window to PATH and quit.</source>
        <translation>開啟地圖，將視窗截圖儲存到 PATH 後結束。</translation>
    </message>
    <message>
        <source>Window size for --screenshot (default 1400x900).</source>
        <translation>--screenshot 的視窗大小（預設 1400x900）。</translation>
    </message>
    <message>
        <source>Fit the map to the window.</source>
        <translation>使地圖符合視窗大小。</translation>
    </message>
    <message>
        <source>List maps left unsaved by a crash, and quit.</source>
        <translation>列出因當機而未儲存的地圖，然後結束。</translation>
    </message>
    <message>
        <source>Log debug messages.</source>
        <translation>記錄偵錯訊息。</translation>
    </message>
    <message>
        <source>“%1”, %2, last kept %3</source>
        <translation>「%1」，%2，最後保留於 %3</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>never saved</source>
        <translation>從未儲存</translation>
    </message>
    <message>
        <source>Restore Unsaved Maps</source>
        <translation>復原未儲存的地圖</translation>
    </message>
    <message>
        <source>CJM Studio did not close normally. These maps had changes that were not saved:</source>
        <translation>CJM Studio 未正常關閉。以下地圖有未儲存的變更：</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>復原</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>捨棄</translation>
    </message>
    <message>
        <source>Decide Later</source>
        <translation>稍後決定</translation>
    </message>
    <message>
        <source>The team library to open --team-map from: a libpq connection string, without a password.</source>
        <translation>開啟 --team-map 所用的團隊庫：libpq 連線字串，不含密碼。</translation>
    </message>
    <message>
        <source>Open this map of the team library (with --team-db).</source>
        <translation>開啟團隊庫中的這張地圖（與 --team-db 一起使用）。</translation>
    </message>
</context>
</TS>

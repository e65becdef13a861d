<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditCriteria</name>
    <message>
        <source>Simple</source>
        <translation>简单</translation>
    </message>
    <message>
        <source>Appropriate</source>
        <translation>恰当</translation>
    </message>
    <message>
        <source>Relevant</source>
        <translation>相关</translation>
    </message>
    <message>
        <source>Meaningful</source>
        <translation>有意义</translation>
    </message>
    <message>
        <source>Engaging</source>
        <translation>有吸引力</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>个性化</translation>
    </message>
</context>
<context>
    <name>AuditReport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Touchpoint audit worksheet</source>
        <translation>触点审核工作表</translation>
    </message>
    <message>
        <source>Touchpoint audit</source>
        <translation>触点审核</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>用户画像</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>触点</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Touchpoint audit worksheet: %1</source>
        <translation>触点审核工作表：%1</translation>
    </message>
    <message>
        <source>Touchpoint audit: %1</source>
        <translation>触点审核：%1</translation>
    </message>
    <message>
        <source>Rate each touchpoint from 1 (poor) to 5 (excellent): is it simple, appropriate, relevant, meaningful, engaging and personal?</source>
        <translation>请为每个触点从 1（差）到 5（优秀）评分：它是否简单、恰当、相关、有意义、有吸引力且个性化？</translation>
    </message>
    <message>
        <source>%1 · page %2 of %3</source>
        <translation>%1 · 第 %2 页，共 %3 页</translation>
    </message>
    <message>
        <source>the PDF could not be finished</source>
        <translation>PDF 无法完成</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>At this scale the picture would be %1 x %2 pixels, more than a PNG file can hold here. Export a PDF instead (it stays sharp at any size), or choose a smaller scale.</source>
        <translation>按此比例，图片将为 %1 x %2 像素，超出此处 PNG 文件所能容纳的大小。请改为导出 PDF（任何尺寸都保持清晰），或选择更小的比例。</translation>
    </message>
    <message>
        <source>There is not enough memory for a %1 x %2 pixel picture. Export a PDF or choose a smaller scale.</source>
        <translation>内存不足，无法生成 %1 x %2 像素的图片。请导出 PDF 或选择更小的比例。</translation>
    </message>
    <message>
        <source>The picture could not be encoded.</source>
        <translation>无法编码图片。</translation>
    </message>
    <message>
        <source>Customer journey map made with CJM Studio</source>
        <translation>使用 CJM Studio 制作的客户旅程地图</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <source>The map has no persona with the id “%1”.</source>
        <translation>地图中没有 ID 为“%1”的用户画像。</translation>
    </message>
    <message>
        <source>Unknown export format.</source>
        <translation>未知的导出格式。</translation>
    </message>
    <message>
        <source>Could not write %1: the PDF could not be started.</source>
        <translation>无法写入 %1：无法开始生成 PDF。</translation>
    </message>
    <message>
        <source>Could not write %1: merging each page&apos;s sub-pages into one page failed: %2</source>
        <translation>无法写入 %1：将每页的分块合并为一页时失败：%2</translation>
    </message>
    <message>
        <source>it has %1 pages where %2 were painted</source>
        <translation>文件有 %1 页，但绘制了 %2 页</translation>
    </message>
    <message>
        <source>Could not write %1: joining part %2 of the SVG failed: %3</source>
        <translation>无法写入 %1：拼接 SVG 的第 %2 部分时失败：%3</translation>
    </message>
    <message>
        <source>Could not write %1: the PowerPoint package could not be zipped (%2).</source>
        <translation>无法写入 %1：PowerPoint 文件包无法压缩（%2）。</translation>
    </message>
    <message>
        <source>Nothing to put on slides: the view shows no persona, stage or lane of the map.</source>
        <translation>没有可放到幻灯片上的内容：该视图未显示地图中的任何用户画像、阶段或泳道。</translation>
    </message>
    <message>
        <source>libxlsxwriter could not start the workbook</source>
        <translation>libxlsxwriter 无法创建工作簿</translation>
    </message>
    <message>
        <source>libxlsxwriter could not write the workbook: %1</source>
        <translation>libxlsxwriter 无法写入工作簿：%1</translation>
    </message>
    <message>
        <source>libxlsxwriter could not add the sheet %1</source>
        <translation>libxlsxwriter 无法添加工作表 %1</translation>
    </message>
    <message>
        <source>%1!%2 holds more than 32,767 characters, more than a spreadsheet cell can hold</source>
        <translation>%1!%2 超过 32,767 个字符，超出电子表格单元格的容量</translation>
    </message>
    <message>
        <source>libxlsxwriter could not write %1!%2: %3</source>
        <translation>libxlsxwriter 无法写入 %1!%2：%3</translation>
    </message>
    <message>
        <source>libxlsxwriter could not write the sheet %1</source>
        <translation>libxlsxwriter 无法写入工作表 %1</translation>
    </message>
    <message>
        <source>Could not write %1: no temporary directory (%2)</source>
        <translation>无法写入 %1：没有临时目录（%2）</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>not a zip file</source>
        <translation>不是 zip 文件</translation>
    </message>
    <message>
        <source>it has no %1</source>
        <translation>其中没有 %1</translation>
    </message>
    <message>
        <source>the workbook unpacks to more than 256 MiB</source>
        <translation>工作簿解压后超过 256 MiB</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: the file is larger than 256 MiB</source>
        <translation>%1：文件大于 256 MiB</translation>
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
        <translation>%1 不是工作簿：其中没有 %2</translation>
    </message>
    <message>
        <source>%1: the sheet %2 has no part</source>
        <translation>%1：工作表 %2 没有对应的部件</translation>
    </message>
    <message>
        <source>%1: %2 has a row past the last</source>
        <translation>%1：%2 有一行超出了最后一行</translation>
    </message>
    <message>
        <source>%1: %2, line %3: %4 is not a cell reference</source>
        <translation>%1：%2，第 %3 行：%4 不是单元格引用</translation>
    </message>
    <message>
        <source>%1: %2, line %3: shared string %4 does not exist</source>
        <translation>%1：%2，第 %3 行：共享字符串 %4 不存在</translation>
    </message>
    <message>
        <source>%1 is damaged: %2</source>
        <translation>%1 已损坏：%2</translation>
    </message>
    <message>
        <source>%1 cannot be unpacked: %2</source>
        <translation>%1 无法解压：%2</translation>
    </message>
    <message>
        <source>could not add %1 to the zip: %2</source>
        <translation>无法将 %1 加入 zip：%2</translation>
    </message>
    <message>
        <source>could not deflate %1: %2</source>
        <translation>无法压缩 %1：%2</translation>
    </message>
    <message>
        <source>could not write the zip: %1</source>
        <translation>无法写入 zip：%1</translation>
    </message>
    <message>
        <source>could not read the zip back: %1</source>
        <translation>无法读回 zip：%1</translation>
    </message>
</context>
<context>
    <name>MapFileLock</name>
    <message>
        <source>another computer</source>
        <translation>另一台计算机</translation>
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
        <translation>目标</translation>
    </message>
    <message>
        <source>Map Type</source>
        <translation>地图类型</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>细分人群</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Review Interval</source>
        <translation>复查周期</translation>
    </message>
    <message>
        <source>Next Review</source>
        <translation>下次复查</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Frustrations</source>
        <translation>困扰</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Avatar</source>
        <translation>头像</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段类型</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
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
        <translation>渠道</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>直接</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审查</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>影响</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Rename Stage</source>
        <translation>重命名阶段</translation>
    </message>
    <message>
        <source>Rename Persona</source>
        <translation>重命名用户画像</translation>
    </message>
    <message>
        <source>Rename Map</source>
        <translation>重命名地图</translation>
    </message>
    <message>
        <source>Show Lane</source>
        <translation>显示泳道</translation>
    </message>
    <message>
        <source>Hide Lane</source>
        <translation>隐藏泳道</translation>
    </message>
    <message>
        <source>Rename Lane</source>
        <translation>重命名泳道</translation>
    </message>
    <message>
        <source>Edit Card Text</source>
        <translation>编辑卡片文字</translation>
    </message>
    <message>
        <source>Rate %1</source>
        <translation>评分 %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑%1</translation>
    </message>
    <message>
        <source>Mark Reviewed</source>
        <translation>标记为已复查</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加%1</translation>
    </message>
    <message numerus="yes">
        <source>Move %n card(s)</source>
        <translation>
            <numerusform>移动 %n 张卡片</numerusform>
        </translation>
    </message>
    <message>
        <source>Change Emotion</source>
        <translation>更改情绪</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n card(s)</source>
        <translation>
            <numerusform>删除 %n 张卡片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n Card(s)</source>
        <translation>
            <numerusform>粘贴 %n 张卡片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n Card(s)</source>
        <translation>
            <numerusform>复制出 %n 张卡片</numerusform>
        </translation>
    </message>
    <message>
        <source>New persona</source>
        <translation>新用户画像</translation>
    </message>
    <message>
        <source>Add Persona</source>
        <translation>添加用户画像</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>新阶段</translation>
    </message>
    <message>
        <source>Add Stage</source>
        <translation>添加阶段</translation>
    </message>
    <message>
        <source>Add Lane</source>
        <translation>添加泳道</translation>
    </message>
    <message>
        <source>Delete Persona</source>
        <translation>删除用户画像</translation>
    </message>
    <message>
        <source>Delete Stage</source>
        <translation>删除阶段</translation>
    </message>
    <message>
        <source>Delete Lane</source>
        <translation>删除泳道</translation>
    </message>
    <message>
        <source>Move Persona</source>
        <translation>移动用户画像</translation>
    </message>
    <message>
        <source>Move Stage</source>
        <translation>移动阶段</translation>
    </message>
    <message>
        <source>Move Lane</source>
        <translation>移动泳道</translation>
    </message>
    <message>
        <source>Resolve Conflict in %1</source>
        <translation>解决 %1 中的冲突</translation>
    </message>
    <message>
        <source>Update from Spreadsheet</source>
        <translation>从电子表格更新</translation>
    </message>
</context>
<context>
    <name>MapPainter</name>
    <message>
        <source>%1 pain · %2 barrier</source>
        <translation>%1 个痛点 · %2 个障碍</translation>
    </message>
    <message>
        <source>Lowest moment</source>
        <translation>最低谷时刻</translation>
    </message>
</context>
<context>
    <name>MapScene</name>
    <message numerus="yes">
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n 条评论</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapText</name>
    <message>
        <source>The picture could not be read.</source>
        <translation>无法读取图片。</translation>
    </message>
    <message>
        <source>The picture is %1x%2 pixels; at most %3x%3 is allowed.</source>
        <translation>图片为 %1x%2 像素；最大允许 %3x%3。</translation>
    </message>
    <message>
        <source>The picture could not be read: %1</source>
        <translation>无法读取图片：%1</translation>
    </message>
    <message>
        <source>Untitled journey map</source>
        <translation>未命名的客户旅程地图</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>负责人：%1</translation>
    </message>
    <message>
        <source>Goal: %1</source>
        <translation>目标：%1</translation>
    </message>
    <message>
        <source>indirect</source>
        <translation>间接</translation>
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
        <translation>触点</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>行为</translation>
    </message>
    <message>
        <source>Thoughts</source>
        <translation>想法</translation>
    </message>
    <message>
        <source>Emotions</source>
        <translation>情绪</translation>
    </message>
    <message>
        <source>Pain points</source>
        <translation>痛点</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>机会点</translation>
    </message>
    <message>
        <source>Barriers</source>
        <translation>障碍</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>负责部门</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>KPI 指标</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Before purchase</source>
        <translation>购买前</translation>
    </message>
    <message>
        <source>During purchase</source>
        <translation>购买中</translation>
    </message>
    <message>
        <source>After purchase</source>
        <translation>购买后</translation>
    </message>
    <message>
        <source>Current state</source>
        <translation>现状</translation>
    </message>
    <message>
        <source>Future state</source>
        <translation>未来状态</translation>
    </message>
    <message>
        <source>Day in the life</source>
        <translation>日常的一天</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>构想</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Mobile app</source>
        <translation>移动应用</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Live chat</source>
        <translation>在线客服</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>社交媒体</translation>
    </message>
    <message>
        <source>Advertising</source>
        <translation>广告</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
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
        <translation>评价</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>商家名录</translation>
    </message>
    <message>
        <source>IVR</source>
        <translation>语音导航 (IVR)</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Help centre</source>
        <translation>帮助中心</translation>
    </message>
    <message>
        <source>Packaging</source>
        <translation>包装</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>账单</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>调查问卷</translation>
    </message>
</context>
<context>
    <name>NewMap</name>
    <message>
        <source>Persona 1</source>
        <translation>用户画像 1</translation>
    </message>
    <message>
        <source>Awareness</source>
        <translation>认知</translation>
    </message>
    <message>
        <source>Consideration</source>
        <translation>考虑</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>购买</translation>
    </message>
    <message>
        <source>Adoption</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>Advocacy</source>
        <translation>推荐</translation>
    </message>
</context>
<context>
    <name>PictureCopy</name>
    <message>
        <source>Made with CJM Studio</source>
        <translation>由 CJM Studio 制作</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
</context>
<context>
    <name>cjm::AuditPanel</name>
    <message>
        <source>Persona:</source>
        <translation>用户画像：</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>阶段：</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>渠道：</translation>
    </message>
    <message>
        <source>Print Worksheet...</source>
        <translation>打印工作表...</translation>
    </message>
    <message>
        <source>A PDF checklist with empty rating boxes, for a walk through the store or the site</source>
        <translation>带空白评分框的 PDF 检查表，用于走访门店或网站</translation>
    </message>
    <message>
        <source>Export PDF...</source>
        <translation>导出 PDF...</translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>导出 CSV...</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 touchpoints, %2 rated, %3 among the weakest (tinted). Double-click a rating to change it (1–5, 0 clears).</source>
        <translation>%1 个触点，%2 个已评分，%3 个属于最弱（已着色）。双击评分可修改（1–5，0 为清除）。</translation>
    </message>
    <message>
        <source>Touchpoint audit</source>
        <translation>触点审核</translation>
    </message>
    <message>
        <source>Export Audit as CSV</source>
        <translation>将审核导出为 CSV</translation>
    </message>
    <message>
        <source>Export Audit as PDF</source>
        <translation>将审核导出为 PDF</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Could Not Export Audit</source>
        <translation>无法导出审核</translation>
    </message>
</context>
<context>
    <name>cjm::AuditTableModel</name>
    <message>
        <source>Persona</source>
        <translation>用户画像</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>接触方式</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>触点</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>One of the weakest touchpoints: among the lowest fifth of those rated, below 3 of 5.</source>
        <translation>最弱的触点之一：在已评分触点中位于最低的五分之一，且低于 3 分（满分 5 分）。</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>直接</translation>
    </message>
    <message>
        <source>indirect</source>
        <translation>间接</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1（%2/%3 项）</translation>
    </message>
</context>
<context>
    <name>cjm::CommentsPanel</name>
    <message>
        <source>&amp;Comment</source>
        <translation>评论(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>回复(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;solve</source>
        <translation>标为已解决(&amp;S)</translation>
    </message>
    <message>
        <source>Selected card</source>
        <translation>所选卡片</translation>
    </message>
    <message>
        <source>All cards</source>
        <translation>所有卡片</translation>
    </message>
    <message>
        <source>Show comments of</source>
        <translation>显示评论：</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>卡片</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Comment threads</source>
        <translation>评论线程</translation>
    </message>
    <message>
        <source>Write a comment…</source>
        <translation>写评论…</translation>
    </message>
    <message>
        <source>New comment</source>
        <translation>新评论</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未解决</translation>
    </message>
    <message>
        <source>Re&amp;open</source>
        <translation>重新打开(&amp;O)</translation>
    </message>
    <message>
        <source>You can read comments on this map but not post them.</source>
        <translation>你可以阅读这张地图上的评论，但不能发表。</translation>
    </message>
    <message>
        <source>Select one card to start a thread on it, or a thread to reply to it.</source>
        <translation>选择一张卡片以开始新的讨论，或选择一个讨论以回复。</translation>
    </message>
</context>
<context>
    <name>cjm::ComparePanel</name>
    <message>
        <source>Stop Comparing</source>
        <translation>停止比较</translation>
    </message>
    <message>
        <source>Not comparing. Use File ▸ Compare With... to see how another version of this map differs.</source>
        <translation>未在比较。使用“文件 ▸ 比较...”查看此地图的另一个版本有何不同。</translation>
    </message>
    <message>
        <source>This map and “%1” are the same.</source>
        <translation>此地图与“%1”相同。</translation>
    </message>
    <message>
        <source>Average emotion per stage: this map solid, the other version dashed</source>
        <translation>各阶段平均情绪：本地图为实线，另一版本为虚线</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from “%1” to this map. Cards added, changed or moved here are outlined on the map (removed ones are only in “%1”); click a line to show its card.</source>
        <translation>
            <numerusform>从“%1”到本地图有 %n 处变化。在这里新增、修改或移动的卡片在地图上以轮廓标出（删除的卡片只在“%1”中）；点击一行可显示其卡片。</numerusform>
        </translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation>并排对比</translation>
    </message>
    <message>
        <source>Draw the other version and this map next to each other, differences outlined</source>
        <translation>将另一版本与本地图并排显示，并勾出差异</translation>
    </message>
</context>
<context>
    <name>cjm::CompareWindow</name>
    <message>
        <source>Side by Side</source>
        <translation>并排对比</translation>
    </message>
    <message>
        <source>“%1” (the other version)</source>
        <translation>“%1”（另一版本）</translation>
    </message>
    <message>
        <source>This map</source>
        <translation>本地图</translation>
    </message>
    <message>
        <source>Side by Side: “%1” and this map</source>
        <translation>并排对比：“%1”与本地图</translation>
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
        <translation>内容</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>对方的</translation>
    </message>
    <message>
        <source>Keep Mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Keep Theirs</source>
        <translation>保留对方的</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>编辑...</translation>
    </message>
    <message>
        <source>Write the value to keep, starting from yours</source>
        <translation>以你的值为基础，写出要保留的值</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>deleted on one side</source>
        <translation>在一方已删除</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>changed (kept here)</source>
        <translation>已更改（此处保留）</translation>
    </message>
    <message>
        <source>order of %1</source>
        <translation>%1 的顺序</translation>
    </message>
    <message>
        <source>No merge conflicts.</source>
        <translation>没有合并冲突。</translation>
    </message>
    <message numerus="yes">
        <source>%n merge conflict(s) from combining two versions of this map. For each, keep your version, theirs, or write the one to keep.</source>
        <translation>
            <numerusform>合并此地图的两个版本时产生了 %n 处冲突。请对每一处选择保留你的版本、对方的版本，或写出要保留的内容。</numerusform>
        </translation>
    </message>
    <message>
        <source>This conflict cannot be settled that way: %1</source>
        <translation>无法以这种方式解决此冲突：%1</translation>
    </message>
    <message>
        <source>Resolve Conflict</source>
        <translation>解决冲突</translation>
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
        <translation>这不是有效的 JSON；未做任何更改。</translation>
    </message>
    <message>
        <source>This conflict changed while you wrote; nothing was changed.</source>
        <translation>这个冲突在你填写时已经变了，什么都没有改动。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) you made offline conflict with a teammate&apos;s change of the same thing. Keep Mine sends yours; Keep Theirs drops it.</source>
        <translation>
            <numerusform>你离线时做的 %n 处更改与队友对同一内容的更改冲突。“保留我的”会发送你的更改；“保留对方的”会放弃它。</numerusform>
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
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>导入 CSV</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Skip these rows</source>
        <translation>跳过这些行</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>列：</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>预览：</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>GB18030</source>
        <translation>GB18030（简体中文）</translation>
    </message>
    <message>
        <source>Big5</source>
        <translation>Big5（繁体中文）</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>自动（%1）</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <source>Cards to import: %1</source>
        <translation>要导入的卡片：%1</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Rows that cannot be imported: %1</source>
        <translation>无法导入的行：%1</translation>
    </message>
    <message>
        <source>Column %1 “%2” is not imported: its values are not what %3 takes (line %4 has “%5”). Choose %3 for it to import it anyway.</source>
        <translation>第 %1 列“%2”未导入：其中的值不符合 %3 的格式（第 %4 行为“%5”）。若仍要导入，请为该列选择 %3。</translation>
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
        <translation>（未来状态）</translation>
    </message>
    <message>
        <source>%1

The file on disk was not changed, and your map is still open.</source>
        <translation>%1

磁盘上的文件未被更改，你的地图仍处于打开状态。</translation>
    </message>
    <message numerus="yes">
        <source>... and %n more problem(s)</source>
        <translation>
            <numerusform>……还有 %n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <source>A future-state copy: design the improved journey, and use Compare With... to see it beside the current one.</source>
        <translation>未来状态副本：在此设计改进后的旅程，并用“比较...”与当前状态对照。</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Clear Menu</source>
        <translation>清除菜单</translation>
    </message>
    <message>
        <source>Compare With</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Could Not Compare</source>
        <translation>无法比较</translation>
    </message>
    <message>
        <source>Could Not Open Map</source>
        <translation>无法打开地图</translation>
    </message>
    <message>
        <source>Could Not Reload Map</source>
        <translation>无法重新加载地图</translation>
    </message>
    <message>
        <source>Could Not Save Map</source>
        <translation>无法保存地图</translation>
    </message>
    <message>
        <source>Could Not Save Template</source>
        <translation>无法保存模板</translation>
    </message>
    <message>
        <source>Could Not Use Template</source>
        <translation>无法使用模板</translation>
    </message>
    <message>
        <source>Discard your changes to “%1” and go back to the saved version?</source>
        <translation>放弃对“%1”的更改并返回已保存的版本？</translation>
    </message>
    <message>
        <source>File Changed on Disk</source>
        <translation>磁盘上的文件已更改</translation>
    </message>
    <message>
        <source>If you both edit it, whoever saves last replaces the other&apos;s work. Open it read-only to look, and use Save As for your own copy.</source>
        <translation>如果你们同时编辑，最后保存的人会覆盖对方的工作。请以只读方式打开查看，并使用“另存为”保存你自己的副本。</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>导入 CSV</translation>
    </message>
    <message>
        <source>Imported from %1; save to keep the map.</source>
        <translation>已从 %1 导入；请保存以保留地图。</translation>
    </message>
    <message>
        <source>Journey maps (*.cjm);;All files (*)</source>
        <translation>旅程地图 (*.cjm);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Keep Mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Map Is Open Elsewhere</source>
        <translation>地图已在别处打开</translation>
    </message>
    <message>
        <source>New map from a template; save it to keep it.</source>
        <translation>已从模板新建地图；请保存以保留。</translation>
    </message>
    <message>
        <source>No recent maps</source>
        <translation>没有最近的地图</translation>
    </message>
    <message>
        <source>Open Anyway</source>
        <translation>仍然打开</translation>
    </message>
    <message>
        <source>Open Journey Map</source>
        <translation>打开旅程地图</translation>
    </message>
    <message>
        <source>Open Read-Only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <source>Overwriting replaces their changes with yours. Save your version under another name to keep both.</source>
        <translation>覆盖会用你的更改替换对方的更改。将你的版本以其他名称保存即可同时保留两者。</translation>
    </message>
    <message>
        <source>Read-only: %1 has this map open. Your changes cannot be saved to it; Save As makes your own copy.</source>
        <translation>只读：%1 正在打开此地图。你的更改无法保存到该文件；“另存为”可保存你自己的副本。</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Reloaded %1 from disk</source>
        <translation>已从磁盘重新加载 %1</translation>
    </message>
    <message>
        <source>Restored from %1; save to keep it.</source>
        <translation>已从 %1 恢复；请保存以保留。</translation>
    </message>
    <message>
        <source>Revert to Saved</source>
        <translation>还原为已保存版本</translation>
    </message>
    <message>
        <source>Save As...</source>
        <translation>另存为...</translation>
    </message>
    <message>
        <source>Save Journey Map</source>
        <translation>保存旅程地图</translation>
    </message>
    <message>
        <source>Save a Copy As...</source>
        <translation>副本另存为...</translation>
    </message>
    <message>
        <source>Save as Template</source>
        <translation>另存为模板</translation>
    </message>
    <message>
        <source>Save the changes to “%1” before closing?</source>
        <translation>关闭前保存对“%1”的更改吗？</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Saved as a template: File ▸ New from Template... offers it now.</source>
        <translation>已另存为模板：现在可在“文件 ▸ 从模板新建...”中使用。</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>The template “%1” could not be read: %2</source>
        <translation>无法读取模板“%1”：%2</translation>
    </message>
    <message>
        <source>The version of “%1” on disk could not be read; yours stays open.</source>
        <translation>无法读取磁盘上的“%1”版本；你的版本保持打开。</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Your new map; save it to keep it.</source>
        <translation>你的新地图；请保存以保留。</translation>
    </message>
    <message>
        <source>“%1” could not be opened.</source>
        <translation>无法打开“%1”。</translation>
    </message>
    <message>
        <source>“%1” could not be read.</source>
        <translation>无法读取“%1”。</translation>
    </message>
    <message>
        <source>“%1” could not be saved.</source>
        <translation>无法保存“%1”。</translation>
    </message>
    <message>
        <source>“%1” is already open by %2 (since %3).</source>
        <translation>“%1”已由 %2 打开（自 %3 起）。</translation>
    </message>
    <message>
        <source>“%1” was changed by someone else since you opened it.</source>
        <translation>自你打开以来，“%1”已被他人修改。</translation>
    </message>
    <message>
        <source>“%1” was changed on disk by someone else. Reload it?</source>
        <translation>“%1”已被他人在磁盘上修改。要重新加载吗？</translation>
    </message>
    <message>
        <source>“%1” was changed on disk by someone else. Reload it? Your unsaved changes are kept as a recovery copy, offered the next time CJM Studio starts.</source>
        <translation>“%1”已被他人在磁盘上修改。要重新加载吗？你未保存的更改将保留为恢复副本，在下次启动 CJM Studio 时提供。</translation>
    </message>
    <message>
        <source>Import Excel Workbook</source>
        <translation>导入 Excel 工作簿</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;All files (*)</source>
        <translation>Excel 工作簿 (*.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not import %1.</source>
        <translation>无法导入 %1。</translation>
    </message>
    <message>
        <source>Update from Spreadsheet</source>
        <translation>从电子表格更新</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>电子表格 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>cjm::EditActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Dup&amp;licate</source>
        <translation>创建副本(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Find...</source>
        <translation>查找(&amp;F)...</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
</context>
<context>
    <name>cjm::EditCommand</name>
    <message>
        <source>“%1” cannot be undone: a teammate has changed it since.</source>
        <translation>无法撤销“%1”：队友之后更改了它。</translation>
    </message>
    <message>
        <source>“%1” cannot be redone: a teammate has changed it since.</source>
        <translation>无法重做“%1”：队友之后更改了它。</translation>
    </message>
    <message>
        <source>“%1” cannot be undone: a teammate deleted what it changed.</source>
        <translation>无法撤销“%1”：队友删除了它所更改的内容。</translation>
    </message>
    <message>
        <source>“%1” cannot be redone: a teammate deleted what it changed.</source>
        <translation>无法重做“%1”：队友删除了它所更改的内容。</translation>
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
        <translation>无法导出地图</translation>
    </message>
    <message>
        <source>Export Map</source>
        <translation>导出地图</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Exporting %1...</source>
        <translation>正在导出 %1...</translation>
    </message>
    <message>
        <source>Journey map</source>
        <translation>旅程地图</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Export as Excel Workbook</source>
        <translation>导出为 Excel 工作簿</translation>
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
        <translation>导出地图</translation>
    </message>
    <message>
        <source>PNG picture</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG 矢量图</translation>
    </message>
    <message>
        <source>CSV card inventory (spreadsheet)</source>
        <translation>CSV 卡片清单（电子表格）</translation>
    </message>
    <message>
        <source>Whole map</source>
        <translation>整张地图</translation>
    </message>
    <message numerus="yes">
        <source>Selected cards (%n)</source>
        <translation>
            <numerusform>所选卡片（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Persona: %1</source>
        <translation>用户画像：%1</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>图片</translation>
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
        <translation>页面</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter 信纸</translation>
    </message>
    <message>
        <source>Tabloid</source>
        <translation>Tabloid 小报</translation>
    </message>
    <message>
        <source>One page the size of the map</source>
        <translation>与地图同尺寸的单页</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> 毫米</translation>
    </message>
    <message>
        <source>Fit the map on one page</source>
        <translation>将地图缩放到一页</translation>
    </message>
    <message>
        <source>Full size over several pages (headers repeated)</source>
        <translation>原尺寸分多页（重复表头）</translation>
    </message>
    <message>
        <source>One page per persona</source>
        <translation>每个用户画像一页</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>纸张：</translation>
    </message>
    <message>
        <source>Orientation:</source>
        <translation>方向：</translation>
    </message>
    <message>
        <source>Margins:</source>
        <translation>页边距：</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>布局：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>导出：</translation>
    </message>
    <message>
        <source>Pain heat strip under the stage headers</source>
        <translation>在阶段标题下显示痛点热度条</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>导出...</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s), one row each, UTF-8 for Excel</source>
        <translation>
            <numerusform>%n 张卡片，每张一行，UTF-8 编码，适用于 Excel</numerusform>
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
        <translation>横向</translation>
    </message>
    <message>
        <source>portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <source>Vector drawing, text kept as text</source>
        <translation>矢量图，文字保留为文本</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>CSV spreadsheets (*.csv)</source>
        <translation>CSV 电子表格 (*.csv)</translation>
    </message>
    <message>
        <source>PowerPoint slides (editable)</source>
        <translation>PowerPoint 幻灯片（可编辑）</translation>
    </message>
    <message>
        <source>Slides for a deck (16:9)</source>
        <translation>演示文稿幻灯片（16:9）</translation>
    </message>
    <message>
        <source>Slides for a deck (4:3)</source>
        <translation>演示文稿幻灯片（4:3）</translation>
    </message>
    <message numerus="yes">
        <source>%n slide(s), %1, card text %2 pt</source>
        <translation>
            <numerusform>%n 张幻灯片，%1，卡片文字 %2 磅</numerusform>
        </translation>
    </message>
    <message>
        <source>PowerPoint presentations (*.pptx)</source>
        <translation>PowerPoint 演示文稿 (*.pptx)</translation>
    </message>
</context>
<context>
    <name>cjm::FindBar</name>
    <message>
        <source>Find cards</source>
        <translation>查找卡片</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一个匹配项 (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>下一个匹配项 (Enter)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>无匹配项</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 个匹配项</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
</context>
<context>
    <name>cjm::InsightsPanel</name>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Pain points</source>
        <translation>痛点</translation>
    </message>
    <message>
        <source>Barriers</source>
        <translation>障碍</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Ideas</source>
        <translation>构想</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>The sum of their severities (1 low to 3 high)</source>
        <translation>其严重程度之和（1 为低，3 为高）</translation>
    </message>
    <message>
        <source>Only %1, the persona in focus, is counted.</source>
        <translation>只统计聚焦的用户画像 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Cards in %n hidden lane(s) are not counted.</source>
        <translation>
            <numerusform>%n 条隐藏泳道中的卡片不计入。</numerusform>
        </translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>用户画像</translation>
    </message>
    <message>
        <source>Felt</source>
        <translation>实际感受</translation>
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
        <translation>期望减去实际：客户在此处应当感觉好多少</translation>
    </message>
    <message>
        <source>Largest gaps between felt and desired emotion</source>
        <translation>实际情绪与期望情绪差距最大之处</translation>
    </message>
    <message>
        <source>No emotion has a desired score yet (Inspector ▸ Desired).</source>
        <translation>还没有情绪设置期望分值（属性 ▸ 期望）。</translation>
    </message>
</context>
<context>
    <name>cjm::InspectorPanel</name>
    <message>
        <source>Only PNG and JPEG pictures can go on a card.</source>
        <translation>卡片上只能放 PNG 和 JPEG 图片。</translation>
    </message>
    <message>
        <source>The picture is too large: at most 8192 x 8192 pixels.</source>
        <translation>图片太大：最大 8192 x 8192 像素。</translation>
    </message>
    <message>
        <source>The picture could not be read, or is larger than 8 MiB.</source>
        <translation>无法读取图片，或图片大于 8 MiB。</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Picture Not Added</source>
        <translation>未添加图片</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>评论</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) selected</source>
        <translation>
            <numerusform>已选择 %n 张卡片</numerusform>
        </translation>
    </message>
    <message>
        <source>Card: %1</source>
        <translation>卡片：%1</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>用户画像</translation>
    </message>
    <message>
        <source>Journey map</source>
        <translation>旅程地图</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Map type:</source>
        <translation>地图类型：</translation>
    </message>
    <message>
        <source>Map type</source>
        <translation>地图类型</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>客户细分</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>No review schedule</source>
        <translation>无复查计划</translation>
    </message>
    <message>
        <source>Review every:</source>
        <translation>复查间隔：</translation>
    </message>
    <message>
        <source>Review interval</source>
        <translation>复查间隔</translation>
    </message>
    <message>
        <source>Next review on</source>
        <translation>下次复查日期</translation>
    </message>
    <message>
        <source>Next review:</source>
        <translation>下次复查：</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>下次复查</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Phase:</source>
        <translation>购买阶段：</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>购买阶段</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>选择...</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>目标</translation>
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
        <translation>头像：</translation>
    </message>
    <message>
        <source>Choose picture...</source>
        <translation>选择图片...</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Choose an Avatar</source>
        <translation>选择头像</translation>
    </message>
    <message>
        <source>Avatar</source>
        <translation>头像</translation>
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
        <translation>备注</translation>
    </message>
    <message>
        <source>comma, separated</source>
        <translation>以逗号, 分隔</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>链接：</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
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
        <translation>渠道：</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Direct: the business controls this touchpoint</source>
        <translation>直接：企业可控制此触点</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>直接</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>Audit note:</source>
        <translation>审核备注：</translation>
    </message>
    <message>
        <source>Audit note</source>
        <translation>审核备注</translation>
    </message>
    <message>
        <source>Reviewed on</source>
        <translation>审核日期</translation>
    </message>
    <message>
        <source>Reviewed:</source>
        <translation>审核日期：</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>审核日期</translation>
    </message>
    <message>
        <source>Score:</source>
        <translation>分数：</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>影响</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Picture:</source>
        <translation>图片：</translation>
    </message>
    <message>
        <source>Choose a Picture</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Add...</source>
        <translation>添加...</translation>
    </message>
    <message>
        <source>Comments:</source>
        <translation>评论：</translation>
    </message>
    <message>
        <source>Add Comment</source>
        <translation>添加评论</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>评论：</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <source>Kind&apos;s colour</source>
        <translation>类型颜色</translation>
    </message>
    <message>
        <source>Link Not Opened</source>
        <translation>未打开链接</translation>
    </message>
    <message>
        <source>Only web (http, https) and e-mail (mailto) links are opened.</source>
        <translation>只会打开网页（http、https）和电子邮件（mailto）链接。</translation>
    </message>
    <message>
        <source>Opens %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <source>Not a web or e-mail address: it is not opened.</source>
        <translation>不是网页或电子邮件地址：不会打开。</translation>
    </message>
    <message>
        <source>The UI language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>The language of the map&apos;s text, as a BCP 47 tag such as en, zh-CN or de-CH; it decides the language of what the program draws on the map.</source>
        <translation>地图文字的语言，使用 BCP 47 标签，例如 en、zh-CN 或 de-CH；程序在地图上绘制的文字都使用这种语言。</translation>
    </message>
    <message>
        <source>Map language:</source>
        <translation>地图语言：</translation>
    </message>
    <message>
        <source>Map language</source>
        <translation>地图语言</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a language tag. Use one such as en, zh-CN or de-CH.</source>
        <translation>“%1”不是语言标签。请使用 en、zh-CN 或 de-CH 这样的标签。</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
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
        <translation>只保存网址（http:// 或 https://）：此链接未保存。</translation>
    </message>
</context>
<context>
    <name>cjm::MainWindow</name>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <source>This map is open read-only. Use Save As to make your own copy.</source>
        <translation>此地图以只读方式打开。请使用“另存为”保存你自己的副本。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open...</source>
        <translation>打开(&amp;O)...</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;CSV...</source>
        <translation>&amp;CSV...</translation>
    </message>
    <message>
        <source>Compare &amp;With...</source>
        <translation>比较(&amp;W)...</translation>
    </message>
    <message>
        <source>Mar&amp;k Map Reviewed</source>
        <translation>标记地图已复查(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As...</source>
        <translation>另存为(&amp;A)...</translation>
    </message>
    <message>
        <source>Re&amp;vert to Saved</source>
        <translation>还原为已保存版本(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Export...</source>
        <translation>导出(&amp;E)...</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>打印(&amp;P)...</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>适合窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Pain &amp;Heat Strip</source>
        <translation>痛点热度条(&amp;H)</translation>
    </message>
    <message>
        <source>Under each stage header, how much its pain points and barriers weigh</source>
        <translation>在每个阶段标题下显示其痛点和障碍的分量</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About CJM Studio</source>
        <translation>关于 CJM Studio(&amp;A)</translation>
    </message>
    <message>
        <source>About CJM Studio</source>
        <translation>关于 CJM Studio</translation>
    </message>
    <message>
        <source>%1 [Read-Only] — CJM Studio</source>
        <translation>%1 [只读] — CJM Studio</translation>
    </message>
    <message>
        <source>%1[*] — CJM Studio</source>
        <translation>%1[*] — CJM Studio</translation>
    </message>
    <message numerus="yes">
        <source>%n persona(s)</source>
        <translation>
            <numerusform>%n 个用户画像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stage(s)</source>
        <translation>
            <numerusform>%n 个阶段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n 张卡片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) selected</source>
        <translation>
            <numerusform>已选择 %n 张卡片</numerusform>
        </translation>
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation>缩放 %1%</translation>
    </message>
    <message>
        <source>The review of this map is due today.</source>
        <translation>此地图今天到期复查。</translation>
    </message>
    <message numerus="yes">
        <source>The review of this map is overdue by %n day(s).</source>
        <translation>
            <numerusform>此地图的复查已逾期 %n 天。</numerusform>
        </translation>
    </message>
    <message>
        <source>Owner: %1.</source>
        <translation>负责人：%1。</translation>
    </message>
    <message numerus="yes">
        <source>Reviewed every %n day(s).</source>
        <translation>
            <numerusform>每 %n 天复查一次。</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark Reviewed</source>
        <translation>标记为已复查</translation>
    </message>
    <message>
        <source>Reviewed. The next review is on %1.</source>
        <translation>已复查。下次复查日期为 %1。</translation>
    </message>
    <message>
        <source>Reviewed. No further review is scheduled (set an interval in the journey&apos;s details).</source>
        <translation>已复查。没有安排后续复查（请在旅程详情中设置间隔）。</translation>
    </message>
    <message>
        <source>New from &amp;Template...</source>
        <translation>从模板新建(&amp;T)...</translation>
    </message>
    <message>
        <source>Create &amp;Future-State Copy</source>
        <translation>创建未来状态副本(&amp;F)</translation>
    </message>
    <message>
        <source>Save as Te&amp;mplate...</source>
        <translation>另存为模板(&amp;M)...</translation>
    </message>
    <message>
        <source>New with Wi&amp;zard...</source>
        <translation>使用向导新建(&amp;Z)...</translation>
    </message>
    <message>
        <source>CJM Studio %1</source>
        <translation>CJM Studio %1</translation>
    </message>
    <message>
        <source>A desktop editor for customer journey maps.</source>
        <translation>客户旅程地图的桌面编辑器。</translation>
    </message>
    <message>
        <source>&amp;Excel Workbook...</source>
        <translation>Excel 工作簿(&amp;E)...</translation>
    </message>
    <message>
        <source>&amp;Update from Spreadsheet...</source>
        <translation>从电子表格更新(&amp;U)...</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Export as E&amp;xcel Workbook...</source>
        <translation>导出为 Excel 工作簿(&amp;X)...</translation>
    </message>
</context>
<context>
    <name>cjm::MapAccessibility</name>
    <message>
        <source>Journey map</source>
        <translation>旅程地图</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n 张卡片</numerusform>
        </translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>渠道 %1</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>分数 %1</translation>
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
        <translation>严重程度 %1</translation>
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
        <translation>隐藏此消息</translation>
    </message>
</context>
<context>
    <name>cjm::PalettePanel</name>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Drag between two columns to add a stage</source>
        <translation>拖到两列之间以添加阶段</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>用户画像</translation>
    </message>
    <message>
        <source>Drag between two bands to add a persona</source>
        <translation>拖到两个横带之间以添加用户画像</translation>
    </message>
    <message>
        <source>Drag into a persona&apos;s band and a stage&apos;s column</source>
        <translation>拖入某个用户画像的横带与某个阶段的列</translation>
    </message>
    <message>
        <source>Touchpoint: %1</source>
        <translation>触点：%1</translation>
    </message>
    <message>
        <source>A touchpoint on this channel</source>
        <translation>此渠道上的触点</translation>
    </message>
</context>
<context>
    <name>cjm::PasswordDialog</name>
    <message>
        <source>Team Library Password</source>
        <translation>团队库密码</translation>
    </message>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation>记在系统钥匙串中(&amp;R)</translation>
    </message>
    <message>
        <source>Leave the password empty to use ~/.pgpass or a pg_service.conf service.</source>
        <translation>密码留空则使用 ~/.pgpass 或 pg_service.conf 中的服务。</translation>
    </message>
    <message>
        <source>(The keychain said: %1)</source>
        <translation>（钥匙串的回答：%1）</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>连接：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
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
        <translation>无法显示图片：%1</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message numerus="yes">
        <source>%n Comment(s)</source>
        <translation>
            <numerusform>%n 条评论</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 – Presentation</source>
        <translation>%1 – 演示</translation>
    </message>
    <message>
        <source>This view has no slides: it shows no persona with stages.
Press Esc to leave.</source>
        <translation>此视图没有幻灯片：它没有显示任何带阶段的用户画像。
按 Esc 退出。</translation>
    </message>
</context>
<context>
    <name>cjm::PresenterView</name>
    <message>
        <source>Presenter View</source>
        <translation>演讲者视图</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一张</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>No slides</source>
        <translation>没有幻灯片</translation>
    </message>
    <message>
        <source>Slide %1 of %2</source>
        <translation>第 %1 张，共 %2 张</translation>
    </message>
    <message>
        <source>No notes on this slide.</source>
        <translation>这张幻灯片没有备注。</translation>
    </message>
</context>
<context>
    <name>cjm::SetupWizard</name>
    <message>
        <source>New Journey Map</source>
        <translation>新建旅程地图</translation>
    </message>
    <message>
        <source>What is this map for?</source>
        <translation>这张地图的用途是什么？</translation>
    </message>
    <message>
        <source>A journey map answers a question. Name it, and say what the team wants to learn or change.</source>
        <translation>旅程地图要回答一个问题。为它命名，并说明团队想了解或改变什么。</translation>
    </message>
    <message>
        <source>e.g. Find out why first-time buyers do not come back</source>
        <translation>例如：找出首次购买者为何不再回购</translation>
    </message>
    <message>
        <source>Current state: how it is today</source>
        <translation>当前状态：今天的样子</translation>
    </message>
    <message>
        <source>Future state: how it should be</source>
        <translation>未来状态：应有的样子</translation>
    </message>
    <message>
        <source>Day in the life: the customer&apos;s whole day</source>
        <translation>日常生活：客户的一整天</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Goal:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <source>Map type:</source>
        <translation>地图类型：</translation>
    </message>
    <message>
        <source>Stages from:</source>
        <translation>阶段来自：</translation>
    </message>
    <message>
        <source>Who is on the journey?</source>
        <translation>谁在这段旅程中？</translation>
    </message>
    <message>
        <source>The audience segment, and its personas. One map per persona is easiest to read; several personas on one map are fine when their journeys are compared.</source>
        <translation>受众细分及其用户画像。每个用户画像一张地图最易阅读；需要比较他们的旅程时，一张地图上放多个用户画像也可以。</translation>
    </message>
    <message>
        <source>e.g. Parents of school children, first online purchase</source>
        <translation>例如：学龄儿童的家长，首次网购</translation>
    </message>
    <message>
        <source>One persona per line</source>
        <translation>每行一个用户画像</translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation>细分：</translation>
    </message>
    <message>
        <source>Personas:</source>
        <translation>用户画像：</translation>
    </message>
    <message>
        <source>The stages of the journey</source>
        <translation>旅程的阶段</translation>
    </message>
    <message>
        <source>From the first contact to coming back, in the customer&apos;s words. Rename, add or remove lines.</source>
        <translation>从第一次接触到再次光顾，用客户的话来写。可重命名、添加或删除行。</translation>
    </message>
    <message>
        <source>Touchpoints</source>
        <translation>触点</translation>
    </message>
    <message>
        <source>Where does the customer meet you in each stage? Tick them; you can add your own on the map later.</source>
        <translation>在每个阶段，客户在哪里与你接触？勾选它们；之后也可以在地图上添加自己的触点。</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>触点</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Before purchase</source>
        <translation>购买前</translation>
    </message>
    <message>
        <source>During purchase</source>
        <translation>购买中</translation>
    </message>
    <message>
        <source>After purchase</source>
        <translation>购买后</translation>
    </message>
    <message>
        <source>online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>线下</translation>
    </message>
    <message>
        <source>third party</source>
        <translation>第三方</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n ticked</source>
        <translation>
            <numerusform>已勾选 %1 / %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n touchpoint(s)</source>
        <translation>
            <numerusform>%n 个触点</numerusform>
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
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is larger than 256 MiB.</source>
        <translation>%1 大于 256 MiB。</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Update from Spreadsheet</source>
        <translation>从电子表格更新</translation>
    </message>
    <message>
        <source>Rows of %1 are matched to this map&apos;s cards by id. What the sheet holds of a card is taken from it; rows without a card are added. Nothing else of the map changes.</source>
        <translation>%1 中的行按 id 与本地图的卡片对应。表格中卡片的内容以表格为准；没有对应卡片的行会被添加。地图的其他内容不变。</translation>
    </message>
    <message>
        <source>Changes:</source>
        <translation>更改：</translation>
    </message>
    <message>
        <source>Cards without a row:</source>
        <translation>表格中没有对应行的卡片：</translation>
    </message>
    <message>
        <source>Remove the cards without a row</source>
        <translation>删除表格中没有对应行的卡片</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) changed, </source>
        <translation>
            <numerusform>%n 张卡片已更改，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added, </source>
        <translation>
            <numerusform>%n 张已添加，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed.</source>
        <translation>
            <numerusform>%n 张已删除。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::StartDialog</name>
    <message>
        <source>Welcome to CJM Studio</source>
        <translation>欢迎使用 CJM Studio</translation>
    </message>
    <message>
        <source>Start a customer journey map</source>
        <translation>开始绘制客户旅程地图</translation>
    </message>
    <message>
        <source>New with the Wizard</source>
        <translation>使用向导新建</translation>
    </message>
    <message>
        <source>Goal, audience, personas, stages and touchpoints, step by step</source>
        <translation>逐步设定目标、受众、用户画像、阶段和触点</translation>
    </message>
    <message>
        <source>New from a Template</source>
        <translation>从模板新建</translation>
    </message>
    <message>
        <source>Retail store, e-commerce, B2B, service support and more, with examples</source>
        <translation>零售门店、电子商务、B2B、客户服务等，附示例</translation>
    </message>
    <message>
        <source>New Blank Map</source>
        <translation>新建空白地图</translation>
    </message>
    <message>
        <source>Five stages and the usual lanes, nothing else</source>
        <translation>五个阶段和常用泳道，没有其他内容</translation>
    </message>
    <message>
        <source>Open a Map...</source>
        <translation>打开地图...</translation>
    </message>
    <message>
        <source>A .cjm file from your computer or a shared drive</source>
        <translation>来自你的电脑或共享盘的 .cjm 文件</translation>
    </message>
    <message>
        <source>Recent maps:</source>
        <translation>最近的地图：</translation>
    </message>
    <message>
        <source>Show at startup</source>
        <translation>启动时显示</translation>
    </message>
</context>
<context>
    <name>cjm::StructurePanel</name>
    <message>
        <source>Personas</source>
        <translation>用户画像</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Lanes</source>
        <translation>泳道</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add a persona, stage or lane</source>
        <translation>添加用户画像、阶段或泳道</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete it and the cards in it</source>
        <translation>删除它及其中的卡片</translation>
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
        <translation>只显示此用户画像的横带</translation>
    </message>
    <message numerus="yes">
        <source>Delete “%1” and the %n card(s) in it?</source>
        <translation>
            <numerusform>删除“%1”及其中的 %n 张卡片？</numerusform>
        </translation>
    </message>
    <message>
        <source>You can undo this with Edit ▸ Undo.</source>
        <translation>可以通过“编辑 ▸ 撤销”撤销此操作。</translation>
    </message>
</context>
<context>
    <name>cjm::TeamActions</name>
    <message>
        <source>Open from Team Li&amp;brary...</source>
        <translation>从团队库打开(&amp;B)...</translation>
    </message>
    <message>
        <source>Open a map of the team library on a PostgreSQL server, to edit it with others</source>
        <translation>打开 PostgreSQL 服务器上团队库中的地图，与他人一起编辑</translation>
    </message>
    <message>
        <source>Save to Team &amp;Library...</source>
        <translation>保存到团队库(&amp;L)...</translation>
    </message>
    <message>
        <source>Put this map in the team library: from then on it is edited together</source>
        <translation>把这张地图放入团队库：此后大家一起编辑它</translation>
    </message>
    <message numerus="yes">
        <source>This map lives in the team library: each change is sent as you make it. %n change(s) waiting are kept on this computer until the server takes them. Save As writes a copy to a file.</source>
        <translation>
            <numerusform>这张地图在团队库中：每处更改都会在你做出时发送。%n 处等待中的更改保存在这台电脑上，直到服务器接收。“另存为”会把副本写入文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>This map lives in the team library: each change is sent as you make it. Save As writes a copy to a file.</source>
        <translation>这张地图在团队库中：每处更改都会在你做出时发送。“另存为”会把副本写入文件。</translation>
    </message>
    <message>
        <source>Could Not Open Team Map</source>
        <translation>无法打开团队地图</translation>
    </message>
    <message>
        <source>The map “%1” could not be opened.</source>
        <translation>无法打开地图“%1”。</translation>
    </message>
    <message>
        <source>Show Conflicts</source>
        <translation>显示冲突</translation>
    </message>
    <message>
        <source>%1 — Team Library</source>
        <translation>%1 — 团队库</translation>
    </message>
    <message>
        <source>%1 · %2 — Team Library</source>
        <translation>%1 · %2 — 团队库</translation>
    </message>
    <message>
        <source>The history cannot be read now: %1</source>
        <translation>现在无法读取历史：%1</translation>
    </message>
    <message>
        <source>Connected as %1</source>
        <translation>已作为 %1 连接</translation>
    </message>
    <message>
        <source>The team server cannot be reached: %1</source>
        <translation>无法连接团队服务器：%1</translation>
    </message>
    <message>
        <source>Saved to the team library as “%1”. Teammates open it with File ▸ Open from Team Library; your edits are sent as you make them.</source>
        <translation>已保存到团队库，编号为“%1”。队友可通过 文件 ▸ 从团队库打开 打开它；你的编辑会在做出时发送。</translation>
    </message>
    <message>
        <source>--team-map needs --team-db, the connection string of the team library</source>
        <translation>--team-map 需要同时提供 --team-db（团队库的连接字符串）</translation>
    </message>
    <message>
        <source>--team-db needs --team-map, the id of the map to open</source>
        <translation>--team-db 需要同时提供 --team-map（要打开的地图 ID）</translation>
    </message>
    <message>
        <source>--team-map: “%1” is not a map id (a letter or digit, then letters, digits, “.”, “_” or “-”, at most 128)</source>
        <translation>--team-map：“%1”不是地图 ID（以字母或数字开头，其后为字母、数字、“.”、“_”或“-”，最多 128 个字符）</translation>
    </message>
    <message>
        <source>--team-db: the connection string is empty</source>
        <translation>--team-db：连接字符串为空</translation>
    </message>
    <message>
        <source>--team-db: %1</source>
        <translation>--team-db：%1</translation>
    </message>
    <message>
        <source>--team-db: leave the password out (anyone on this computer can read a command line); put it in ~/.pgpass, or CJM Studio asks for it</source>
        <translation>--team-db：请勿包含密码（这台电脑上的任何人都能看到命令行）；请将密码放在 ~/.pgpass 中，或由 CJM Studio 询问</translation>
    </message>
</context>
<context>
    <name>cjm::TeamAvatars</name>
    <message>
        <source>People on this map</source>
        <translation>正在查看这张地图的人</translation>
    </message>
</context>
<context>
    <name>cjm::TeamCredentials</name>
    <message>
        <source>No system keychain is available, so CJM Studio cannot remember the password: it asks for it each time. To connect without being asked, put the password in ~/.pgpass (or the file PGPASSFILE names) or use a service from pg_service.conf; CJM Studio never keeps a password in its settings.</source>
        <translation>没有可用的系统钥匙串，所以 CJM Studio 无法记住密码：每次都会询问。若要连接时不被询问，请把密码写入 ~/.pgpass（或 PGPASSFILE 指定的文件），或使用 pg_service.conf 中的服务；CJM Studio 从不在设置中保存密码。</translation>
    </message>
    <message>
        <source>The password was taken out of the connection string: CJM Studio keeps passwords in the system keychain (or libpq&apos;s ~/.pgpass), never in its settings.</source>
        <translation>已从连接字符串中去掉密码：CJM Studio 把密码保存在系统钥匙串（或 libpq 的 ~/.pgpass）中，从不保存在设置里。</translation>
    </message>
    <message>
        <source>The password could not be saved in the keychain: %1</source>
        <translation>无法把密码保存到钥匙串：%1</translation>
    </message>
</context>
<context>
    <name>cjm::TeamHistoryDialog</name>
    <message>
        <source>&amp;Compare</source>
        <translation>比较(&amp;C)</translation>
    </message>
    <message>
        <source>Side by &amp;Side</source>
        <translation>并排(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>%1 的历史</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
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
        <translation>两个版本之间的更改</translation>
    </message>
    <message>
        <source>Select two versions to see what changed between them</source>
        <translation>选择两个版本以查看它们之间的更改</translation>
    </message>
    <message>
        <source>Select one version to make it the map&apos;s newest version</source>
        <translation>选择一个版本，使其成为地图的最新版本</translation>
    </message>
    <message>
        <source>version %1 (%2, %3)</source>
        <translation>版本 %1（%2，%3）</translation>
    </message>
    <message>
        <source>Restore %1 as a new version of the map?
Everyone who has the map open gets it; the versions after it stay in the history.</source>
        <translation>把%1恢复为地图的新版本吗？
所有打开这张地图的人都会收到它；之后的版本仍保留在历史中。</translation>
    </message>
    <message>
        <source>first version</source>
        <translation>第一个版本</translation>
    </message>
    <message>
        <source>Reading both versions…</source>
        <translation>正在读取两个版本…</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>%1 and %2 hold the same map.</source>
        <translation>%1 与 %2 的地图相同。</translation>
    </message>
    <message numerus="yes">
        <source>From %1 to %2: %n change(s).</source>
        <translation>
            <numerusform>从%1到%2：%n 处更改。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 beside %2</source>
        <translation>%1 与 %2 并排</translation>
    </message>
    <message>
        <source>Restore Version</source>
        <translation>恢复版本</translation>
    </message>
    <message>
        <source>Restoring %1…</source>
        <translation>正在恢复%1…</translation>
    </message>
    <message>
        <source>Restored %1 as version %2.</source>
        <translation>已将%1恢复为版本 %2。</translation>
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
        <translation>编辑者</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>查看者</translation>
    </message>
    <message>
        <source>Open from Team Library</source>
        <translation>从团队库打开</translation>
    </message>
    <message>
        <source>Save to Team Library</source>
        <translation>保存到团队库</translation>
    </message>
    <message>
        <source>A PostgreSQL connection string (key=value or postgresql://...). A password is asked for when needed and never stored in the settings.</source>
        <translation>PostgreSQL 连接字符串（key=value 或 postgresql://...）。需要时会询问密码，密码从不保存在设置中。</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;onnection:</source>
        <translation>连接(&amp;O)：</translation>
    </message>
    <message>
        <source>made up when left empty</source>
        <translation>留空则自动生成</translation>
    </message>
    <message>
        <source>Letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit</source>
        <translation>字母、数字、“.”、“_”或“-”，以字母或数字开头</translation>
    </message>
    <message>
        <source>Map &amp;id:</source>
        <translation>地图编号(&amp;I)：</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Your access</source>
        <translation>你的权限</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Connect to list the maps you can open.</source>
        <translation>连接后列出你可以打开的地图。</translation>
    </message>
    <message>
        <source>“%1” cannot be a map id: use letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (at most 128), starting with a letter or digit.</source>
        <translation>“%1”不能作为地图编号：请使用字母、数字、“.”、“_”或“-”（最多 128 个），以字母或数字开头。</translation>
    </message>
    <message>
        <source>Saving to the team library…</source>
        <translation>正在保存到团队库…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>The server wants a password.</source>
        <translation>服务器要求输入密码。</translation>
    </message>
    <message>
        <source>Could not reach the team library: %1</source>
        <translation>无法连接团队库：%1</translation>
    </message>
    <message>
        <source>Saved as “%1”.</source>
        <translation>已保存为“%1”。</translation>
    </message>
    <message>
        <source>The team library has no map you can open.</source>
        <translation>团队库中没有你可以打开的地图。</translation>
    </message>
    <message numerus="yes">
        <source>%n map(s) you can open.</source>
        <translation>
            <numerusform>%n 张你可以打开的地图。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::TeamPanels</name>
    <message>
        <source>Comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>历史(&amp;H)…</translation>
    </message>
    <message>
        <source>The versions of this team map: compare any two, restore one</source>
        <translation>这张团队地图的各个版本：比较任意两个，恢复其中一个</translation>
    </message>
    <message>
        <source>You are a viewer of this map: you can read the comments but not post, reply or resolve.</source>
        <translation>你是这张地图的查看者：可以阅读评论，但不能发表、回复或标为已解决。</translation>
    </message>
</context>
<context>
    <name>cjm::TeamSession</name>
    <message>
        <source>The team server cannot be reached, and this map was never opened on this computer, so there is no copy to work on offline.</source>
        <translation>无法连接团队服务器，而这张地图从未在这台电脑上打开过，所以没有可离线使用的副本。</translation>
    </message>
    <message>
        <source>The map is not open.</source>
        <translation>地图未打开。</translation>
    </message>
    <message>
        <source>You may not open this map: %1</source>
        <translation>你无权打开这张地图：%1</translation>
    </message>
    <message>
        <source>The team library has no such map: %1</source>
        <translation>团队库中没有这张地图：%1</translation>
    </message>
    <message>
        <source>This map is open in another window of CJM Studio, or its local journal cannot be used: %1</source>
        <translation>这张地图已在 CJM Studio 的另一个窗口中打开，或者无法使用它的本地日志：%1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message numerus="yes">
        <source>Offline — %n change(s) waiting</source>
        <translation>
            <numerusform>离线 — %n 处更改等待发送</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Syncing… %1</source>
        <translation>正在同步… %1</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message numerus="yes">
        <source>%n of your changes could not be made: a teammate deleted what they changed.</source>
        <translation>
            <numerusform>你的 %n 处更改无法完成：队友删除了它们所更改的内容。</numerusform>
        </translation>
    </message>
    <message>
        <source>A change could not be kept on this computer: %1</source>
        <translation>无法在这台电脑上保存一处更改：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n of your offline changes conflict with a teammate&apos;s: both changed the same thing. Settle each in the Conflicts panel.</source>
        <translation>
            <numerusform>你离线时的 %n 处更改与队友的更改冲突：双方改了同一内容。请在“冲突”面板中逐一解决。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::TemplateDialog</name>
    <message>
        <source>New from Template</source>
        <translation>从模板新建</translation>
    </message>
    <message>
        <source>%1 (yours)</source>
        <translation>%1（你的）</translation>
    </message>
    <message>
        <source>Create Map</source>
        <translation>创建地图</translation>
    </message>
    <message>
        <source>Your Templates Folder</source>
        <translation>你的模板文件夹</translation>
    </message>
    <message>
        <source>Maps saved in this folder appear here as templates</source>
        <translation>保存在此文件夹中的地图会作为模板显示在这里</translation>
    </message>
    <message numerus="yes">
        <source>%n stage(s)</source>
        <translation>
            <numerusform>%n 个阶段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n example card(s)</source>
        <translation>
            <numerusform>%n 张示例卡片</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::ViewActions</name>
    <message>
        <source>&amp;Present</source>
        <translation>演示(&amp;P)</translation>
    </message>
    <message>
        <source>Show the current view&apos;s slides full screen</source>
        <translation>全屏显示当前视图的幻灯片</translation>
    </message>
    <message>
        <source>Put the selected cards on the clipboard as a picture (PNG and SVG)</source>
        <translation>将所选卡片作为图片（PNG 和 SVG）放到剪贴板</translation>
    </message>
    <message>
        <source>&amp;Views</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Save View...</source>
        <translation>保存视图(&amp;S)...</translation>
    </message>
    <message>
        <source>Save the personas, stages and lanes to show as a named view in the map</source>
        <translation>将要显示的用户画像、阶段和泳道作为命名视图保存在地图中</translation>
    </message>
    <message>
        <source>&amp;Edit Views...</source>
        <translation>编辑视图(&amp;E)...</translation>
    </message>
    <message>
        <source>Save View</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <source>Edit Views</source>
        <translation>编辑视图</translation>
    </message>
    <message>
        <source>Copy as Pictur&amp;e</source>
        <translation>复制为图片(&amp;E)</translation>
    </message>
</context>
<context>
    <name>cjm::ViewsDialog</name>
    <message>
        <source>%1 (hidden in the map)</source>
        <translation>%1（在地图中已隐藏）</translation>
    </message>
    <message>
        <source>Whole map</source>
        <translation>整张地图</translation>
    </message>
    <message>
        <source>One persona per slide set</source>
        <translation>每个用户画像一组幻灯片</translation>
    </message>
    <message>
        <source>Save View</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>&amp;New View</source>
        <translation>新建视图(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Every persona</source>
        <translation>所有用户画像</translation>
    </message>
    <message>
        <source>Personas:</source>
        <translation>用户画像：</translation>
    </message>
    <message>
        <source>Every stage</source>
        <translation>所有阶段</translation>
    </message>
    <message>
        <source>From one stage to another</source>
        <translation>从一个阶段到另一个阶段</translation>
    </message>
    <message>
        <source>These stages</source>
        <translation>以下阶段</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Stages:</source>
        <translation>阶段：</translation>
    </message>
    <message>
        <source>Every lane the map shows</source>
        <translation>地图显示的所有泳道</translation>
    </message>
    <message>
        <source>Leave out lanes a persona has no card in</source>
        <translation>略去该用户画像没有卡片的泳道</translation>
    </message>
    <message>
        <source>Lanes:</source>
        <translation>泳道：</translation>
    </message>
    <message>
        <source>The whole map on one page</source>
        <translation>整张地图放在一页</translation>
    </message>
    <message>
        <source>Slides, 16:9</source>
        <translation>幻灯片，16:9</translation>
    </message>
    <message>
        <source>Slides, 4:3</source>
        <translation>幻灯片，4:3</translation>
    </message>
    <message>
        <source>Page &amp;layout:</source>
        <translation>页面布局(&amp;L)：</translation>
    </message>
    <message>
        <source>View %1 has no name.</source>
        <translation>视图 %1 没有名称。</translation>
    </message>
    <message>
        <source>The name “%1” is taken: each view needs its own name.</source>
        <translation>名称“%1”已被使用：每个视图需要自己的名称。</translation>
    </message>
    <message>
        <source>The view “%1” shows no persona.</source>
        <translation>视图“%1”没有显示任何用户画像。</translation>
    </message>
    <message>
        <source>The view “%1” shows no stage.</source>
        <translation>视图“%1”没有显示任何阶段。</translation>
    </message>
    <message>
        <source>The view “%1” shows no lane.</source>
        <translation>视图“%1”没有显示任何泳道。</translation>
    </message>
    <message>
        <source>(a name to type)</source>
        <translation>（请输入名称）</translation>
    </message>
</context>
<context>
    <name>cjm::WindowDocks</name>
    <message>
        <source>Palette</source>
        <translation>组件面板</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>结构</translation>
    </message>
    <message>
        <source>Undo History</source>
        <translation>撤销历史</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Touchpoint Audit</source>
        <translation>触点审核</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>洞察</translation>
    </message>
    <message numerus="yes">
        <source>This map was merged from two versions and has %n conflict(s): places where both sides changed the same thing. Settle each in the Conflicts panel.</source>
        <translation>
            <numerusform>此地图由两个版本合并而成，有 %n 处冲突：双方都修改了同一内容。请在“冲突”面板中逐一解决。</numerusform>
        </translation>
    </message>
    <message>
        <source>Show Conflicts</source>
        <translation>显示冲突</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>CJM Studio, the customer journey map editor.</source>
        <translation>CJM Studio，客户旅程地图编辑器。</translation>
    </message>
    <message>
        <source>Maps to open (.cjm).</source>
        <translation>要打开的地图 (.cjm)。</translation>
    </message>
    <message>
        <source>Open the map, save a picture of the window to PATH and quit.</source>
        <translation>打开地图，将窗口截图保存到 PATH 后退出。</translation>
    </message>
    <message>
        <source>Window size for --screenshot (default 1400x900).</source>
        <translation>--screenshot 的窗口大小（默认 1400x900）。</translation>
    </message>
    <message>
        <source>Fit the map to the window.</source>
        <translation>使地图适合窗口。</translation>
    </message>
    <message>
        <source>List maps left unsaved by a crash, and quit.</source>
        <translation>列出因崩溃而未保存的地图，然后退出。</translation>
    </message>
    <message>
        <source>Log debug messages.</source>
        <translation>记录调试消息。</translation>
    </message>
    <message>
        <source>“%1”, %2, last kept %3</source>
        <translation>“%1”，%2，最后保留于 %3</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>never saved</source>
        <translation>从未保存</translation>
    </message>
    <message>
        <source>Restore Unsaved Maps</source>
        <translation>恢复未保存的地图</translation>
    </message>
    <message>
        <source>CJM Studio did not close normally. These maps had changes that were not saved:</source>
        <translation>CJM Studio 未正常关闭。以下地图有未保存的更改：</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Decide Later</source>
        <translation>稍后决定</translation>
    </message>
    <message>
        <source>The team library to open --team-map from: a libpq connection string, without a password.</source>
        <translation>打开 --team-map 所用的团队库：libpq 连接字符串，不含密码。</translation>
    </message>
    <message>
        <source>Open this map of the team library (with --team-db).</source>
        <translation>打开团队库中的这张地图（与 --team-db 一起使用）。</translation>
    </message>
</context>
</TS>

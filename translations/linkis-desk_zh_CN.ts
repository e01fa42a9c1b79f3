<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Profiles</source>
        <translation>连接配置</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>The Local profile runs SQL (SQLite), Python and shell on this computer through the bundled gateway. It needs no set-up.</source>
        <translation>“本地”连接配置通过内置网关在本机运行 SQL（SQLite）、Python 和 Shell，无需任何设置。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Gateway URL</source>
        <translation>网关地址</translation>
    </message>
    <message>
        <source>http://linkis-gateway:9001</source>
        <translation>http://linkis-gateway:9001</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>认证方式</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Password / token</source>
        <translation>密码 / 令牌</translation>
    </message>
    <message>
        <source>Proxy user</source>
        <translation>代理用户</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Default engine</source>
        <translation>默认引擎</translation>
    </message>
    <message>
        <source>spark</source>
        <translation>spark</translation>
    </message>
    <message>
        <source>version, e.g. 3.2.1</source>
        <translation>版本，例如 3.2.1</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>创建者（Creator）</translation>
    </message>
    <message>
        <source>Submit API</source>
        <translation>提交接口</translation>
    </message>
    <message>
        <source>TLS pin (SHA-256)</source>
        <translation>TLS 证书指纹（SHA-256）</translation>
    </message>
    <message>
        <source>only for a self-signed gateway</source>
        <translation>仅用于自签名证书的网关</translation>
    </message>
    <message>
        <source>Production (always confirm kills, tint tabs and jobs)</source>
        <translation>生产环境（终止前总是确认，标签页和作业着色）</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Password of %1 for the profile %2:</source>
        <translation>%1 在连接配置 %2 中的密码：</translation>
    </message>
    <message>
        <source>Token of %1 for the profile %2:</source>
        <translation>%1 在连接配置 %2 中的令牌：</translation>
    </message>
    <message>
        <source>Validation code for the profile %1:</source>
        <translation>连接配置 %1 的验证码：</translation>
    </message>
    <message>
        <source>Sign in — Linkis Desk</source>
        <translation>登录 — Linkis Desk</translation>
    </message>
    <message>
        <source>Result %1</source>
        <translation>结果集 %1</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Waiting to retry</source>
        <translation>等待重试</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>已调度</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已终止</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Submitting</source>
        <translation>提交中</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warn</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Password (login)</source>
        <translation>密码（登录）</translation>
    </message>
    <message>
        <source>Token (Token-Code / Token-User)</source>
        <translation>令牌（Token-Code / Token-User）</translation>
    </message>
    <message>
        <source>Proxy headers (Validation-Code)</source>
        <translation>代理请求头（Validation-Code）</translation>
    </message>
    <message>
        <source>Linkis proxy login</source>
        <translation>Linkis 代理登录</translation>
    </message>
    <message>
        <source>Local gateway</source>
        <translation>本地网关</translation>
    </message>
</context>
<context>
    <name>linkisdesk::AboutDialog</name>
    <message>
        <source>About Linkis Desk</source>
        <translation>关于 Linkis Desk</translation>
    </message>
    <message>
        <source>A desktop client for Apache Linkis.</source>
        <translation>Apache Linkis 桌面客户端。</translation>
    </message>
    <message>
        <source>Local gateway: not running</source>
        <translation>本地网关：未运行</translation>
    </message>
    <message>
        <source>Local gateway: %1</source>
        <translation>本地网关：%1</translation>
    </message>
    <message>
        <source>This program is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License, version 3 or (at your option) any later version. It comes with ABSOLUTELY NO WARRANTY.</source>
        <translation>本程序是自由软件：您可以依据 GNU 通用公共许可证第 3 版或（由您选择）任何更高版本的条款重新分发和/或修改它。本程序不提供任何担保。</translation>
    </message>
    <message>
        <source>Licence: GPL-3.0-or-later</source>
        <translation>许可证：GPL-3.0-or-later</translation>
    </message>
    <message>
        <source>Linkis Desk %1</source>
        <translation>Linkis Desk %1</translation>
    </message>
    <message>
        <source>Qt %1</source>
        <translation>Qt %1</translation>
    </message>
    <message>
        <source>Qt %1 (built with %2)</source>
        <translation>Qt %1（编译时版本 %2）</translation>
    </message>
    <message>
        <source>QScintilla %1</source>
        <translation>QScintilla %1</translation>
    </message>
</context>
<context>
    <name>linkisdesk::ChartView</name>
    <message>
        <source>Bar</source>
        <translation>柱状图</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>折线图</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>面积图</translation>
    </message>
    <message>
        <source>Scatter</source>
        <translation>散点图</translation>
    </message>
    <message>
        <source>Pie</source>
        <translation>饼图</translation>
    </message>
    <message>
        <source>Sum</source>
        <translation>求和</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均值</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>How the y values of rows with the same x are combined</source>
        <translation>x 相同的行的 y 值如何合并</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export image</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <source>PNG image…</source>
        <translation>PNG 图片…</translation>
    </message>
    <message>
        <source>SVG image…</source>
        <translation>SVG 图片…</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>图表：</translation>
    </message>
    <message>
        <source>X:</source>
        <translation>X：</translation>
    </message>
    <message>
        <source>Y:</source>
        <translation>Y：</translation>
    </message>
    <message>
        <source>When x repeats:</source>
        <translation>x 重复时：</translation>
    </message>
    <message>
        <source>Reading cancelled: no chart</source>
        <translation>已取消读取：没有图表</translation>
    </message>
    <message>
        <source>Reading the rows… %L1 so far</source>
        <translation>正在读取行… 已读 %L1 行</translation>
    </message>
    <message>
        <source>Could not read the result: %1</source>
        <translation>无法读取结果：%1</translation>
    </message>
    <message>
        <source>(row count)</source>
        <translation>（行数）</translation>
    </message>
    <message>
        <source>Reading the rows…</source>
        <translation>正在读取行…</translation>
    </message>
    <message>
        <source>%L1 rows</source>
        <translation>%L1 行</translation>
    </message>
    <message>
        <source>the %1 largest slices, the rest as “Other”</source>
        <translation>最大的 %1 块，其余合为“其他”</translation>
    </message>
    <message>
        <source>the first %L1 of %L2 x values</source>
        <translation>%L2 个 x 值中的前 %L1 个</translation>
    </message>
    <message>
        <source>a sample of %L1 of %L2 points that keeps the line's shape</source>
        <translation>%L2 个点中保持线形的 %L1 个采样点</translation>
    </message>
    <message>
        <source>count</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>%1 images (*.%2)</source>
        <translation>%1 图片 (*.%2)</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>linkisdesk::ClientPool</name>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>已取消登录。</translation>
    </message>
    <message>
        <source>Not signed in to %1 yet.</source>
        <translation>尚未登录 %1。</translation>
    </message>
    <message>
        <source>There is no profile called %1.</source>
        <translation>没有名为 %1 的连接配置。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Local gateway at %1</source>
        <translation>本地网关：%1</translation>
    </message>
    <message>
        <source>Waiting for the first answer from %1</source>
        <translation>正在等待 %1 的首次应答</translation>
    </message>
</context>
<context>
    <name>linkisdesk::DatabaseDock</name>
    <message>
        <source>%1 Press Refresh to sign in, or run a script.</source>
        <translation>%1 点击“刷新”登录，或运行一个脚本。</translation>
    </message>
    <message>
        <source>Sign in to %1 and read its databases</source>
        <translation>登录 %1 并读取其数据库</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n 小时前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter tables</source>
        <translation>筛选表</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the databases and the open levels from the server again</source>
        <translation>从服务器重新读取数据库和已展开的层级</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>连接配置：%1</translation>
    </message>
    <message>
        <source>Read %1</source>
        <translation>读取于%1</translation>
    </message>
    <message>
        <source>Preview 100 rows</source>
        <translation>预览 100 行</translation>
    </message>
    <message>
        <source>Count rows</source>
        <translation>统计行数</translation>
    </message>
    <message>
        <source>Insert name</source>
        <translation>插入名称</translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation>复制名称</translation>
    </message>
    <message>
        <source>Copy column list</source>
        <translation>复制列清单</translation>
    </message>
</context>
<context>
    <name>linkisdesk::DatabaseTreeModel</name>
    <message>
        <source>%1 of %2 tables</source>
        <translation>%1 / %2 张表</translation>
    </message>
    <message>
        <source>1 table</source>
        <translation>1 张表</translation>
    </message>
    <message>
        <source>%1 tables</source>
        <translation>%1 张表</translation>
    </message>
    <message>
        <source>Could not load the tables: %1</source>
        <translation>无法加载表：%1</translation>
    </message>
    <message>
        <source>No tables</source>
        <translation>没有表</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>view</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>所有者：%1</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>创建时间：%1</translation>
    </message>
    <message>
        <source>Could not load the columns: %1</source>
        <translation>无法加载列：%1</translation>
    </message>
    <message>
        <source>No columns</source>
        <translation>没有列</translation>
    </message>
    <message>
        <source>%1, partition key</source>
        <translation>%1，分区键</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>linkisdesk::DesktopIntegration</name>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>快捷键(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键一览(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Linkis Desk</source>
        <translation>关于 Linkis Desk(&amp;A)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>The new language is used from the next start of Linkis Desk.</source>
        <translation>新的界面语言将在下次启动 Linkis Desk 时生效。</translation>
    </message>
</context>
<context>
    <name>linkisdesk::EditorTabs</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them before closing?</source>
        <translation>%1 有未保存的修改。关闭前要保存吗？</translation>
    </message>
    <message>
        <source>Save script as</source>
        <translation>脚本另存为</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>linkisdesk::EnginesDock</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Kill engine</source>
        <translation>终止引擎</translation>
    </message>
    <message>
        <source>Kill all idle</source>
        <translation>终止所有空闲引擎</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>创建者</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>启动时间</translation>
    </message>
    <message>
        <source>Idle for</source>
        <translation>空闲时长</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Cores</source>
        <translation>核数</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>No engines: the next run starts one.</source>
        <translation>没有引擎：下次运行时会启动一个。</translation>
    </message>
    <message numerus="yes">
        <source>%n engine(s)</source>
        <translation>
            <numerusform>%n 个引擎</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an engine to kill.</source>
        <translation>请选择要终止的引擎。</translation>
    </message>
    <message>
        <source>Kill the %1 engine %2 on %3? Its session state (variables, TEMP tables) is lost, and a job running in it is cancelled.</source>
        <translation>终止 %3 上的 %1 引擎 %2？其会话状态（变量、临时表）将丢失，正在其中运行的作业将被取消。</translation>
    </message>
    <message>
        <source>No idle engines.</source>
        <translation>没有空闲引擎。</translation>
    </message>
    <message numerus="yes">
        <source>Kill %n idle engine(s) on %1? Their session state is lost.</source>
        <translation>
            <numerusform>终止 %1 上的 %n 个空闲引擎？它们的会话状态将丢失。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected to %1.</source>
        <translation>未连接到 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Killing %n engine(s)…</source>
        <translation>
            <numerusform>正在终止 %n 个引擎…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>linkisdesk::FindBar</name>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>全词匹配</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Find previous (Shift+F3)</source>
        <translation>查找上一个（Shift+F3）</translation>
    </message>
    <message>
        <source>Find next (F3)</source>
        <translation>查找下一个（F3）</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>已替换 %n 处</numerusform>
        </translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
</context>
<context>
    <name>linkisdesk::HistoryPanel</name>
    <message>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Open code</source>
        <translation>打开代码</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果集</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Log of task %1</source>
        <translation>任务 %1 的日志</translation>
    </message>
    <message>
        <source>Results of task %1</source>
        <translation>任务 %1 的结果集</translation>
    </message>
</context>
<context>
    <name>linkisdesk::JobOutcomeReporter</name>
    <message>
        <source>Job %1</source>
        <translation>作业%1</translation>
    </message>
    <message>
        <source>Task %1 on %2 ended after %3 s</source>
        <translation>%2 上的任务 %1 已结束，耗时 %3 秒</translation>
    </message>
</context>
<context>
    <name>linkisdesk::JobsDock</name>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>连接配置</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Tracked jobs</source>
        <translation>跟踪中的作业</translation>
    </message>
    <message>
        <source>Running on the server</source>
        <translation>服务器上运行中</translation>
    </message>
    <message>
        <source>Filter jobs</source>
        <translation>筛选作业</translation>
    </message>
    <message>
        <source>Kill selected</source>
        <translation>终止所选</translation>
    </message>
    <message>
        <source>Refresh server jobs</source>
        <translation>刷新服务器作业</translation>
    </message>
    <message>
        <source>Kill this job</source>
        <translation>终止此作业</translation>
    </message>
    <message>
        <source>Not submitted</source>
        <translation>未提交</translation>
    </message>
    <message>
        <source>Kill sent</source>
        <translation>已发送终止请求</translation>
    </message>
    <message>
        <source>Kill not confirmed</source>
        <translation>终止未确认</translation>
    </message>
    <message>
        <source>Task %1</source>
        <translation>任务 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n unfinished</source>
        <translation>
            <numerusform>%1：%n 个未完成</numerusform>
        </translation>
    </message>
    <message>
        <source>Scheduled: queued</source>
        <translation>已调度：排队中</translation>
    </message>
    <message>
        <source>Queued behind the server&apos;s concurrency limit: it starts when a running job ends.</source>
        <translation>受服务器并发上限限制而排队：有正在运行的作业结束后才会开始。</translation>
    </message>
    <message numerus="yes">
        <source>%n of your jobs on this profile running now.</source>
        <translation>
            <numerusform>此配置下您当前有 %n 个作业正在运行。</numerusform>
        </translation>
    </message>
    <message>
        <source>The server says: %1</source>
        <translation>服务器消息：%1</translation>
    </message>
</context>
<context>
    <name>linkisdesk::KillConfirmDialog</name>
    <message>
        <source>Kill job</source>
        <translation>终止作业</translation>
    </message>
    <message>
        <source>Kill &lt;b&gt;%1&lt;/b&gt; on &lt;b&gt;%2&lt;/b&gt;?</source>
        <translation>要终止 &lt;b&gt;%2&lt;/b&gt; 上的 &lt;b&gt;%1&lt;/b&gt; 吗？</translation>
    </message>
    <message>
        <source>This is a production profile.</source>
        <translation>这是生产环境的连接配置。</translation>
    </message>
    <message>
        <source>Don&apos;t ask again for %1</source>
        <translation>对 %1 不再询问</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>终止</translation>
    </message>
</context>
<context>
    <name>linkisdesk::LogPanel</name>
    <message>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>Follow new lines (End)</source>
        <translation>跟随新日志行（End）</translation>
    </message>
    <message>
        <source>Search log</source>
        <translation>搜索日志</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一个匹配（Shift+Enter）</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>下一个匹配（Enter）</translation>
    </message>
    <message>
        <source>First error</source>
        <translation>第一个错误</translation>
    </message>
    <message>
        <source>Jump to the first error line</source>
        <translation>跳到第一个错误行</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the selected lines (all lines shown when none)</source>
        <translation>复制所选行（未选择时复制显示的全部行）</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save the whole log to a file</source>
        <translation>将完整日志保存到文件</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>No errors</source>
        <translation>没有错误</translation>
    </message>
    <message>
        <source>Save log</source>
        <translation>保存日志</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation>日志文件 (*.log *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot save the log: %1</source>
        <translation>无法保存日志：%1</translation>
    </message>
</context>
<context>
    <name>linkisdesk::LogView</name>
    <message numerus="yes">
        <source>No lines at this level; the filter hides %n line(s)</source>
        <translation>
            <numerusform>此级别没有日志行；筛选隐藏了 %n 行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>linkisdesk::MainWindow</name>
    <message>
        <source>Workspace</source>
        <translation>工作空间</translation>
    </message>
    <message>
        <source>Reset &amp;session</source>
        <translation>重置会话(&amp;S)</translation>
    </message>
    <message>
        <source>Kill the engine of this tab&apos;s profile and engine type, so that the next run starts with a clean session</source>
        <translation>终止此标签页所用配置和引擎类型的引擎，使下次运行从干净的会话开始</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Engines</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Jobs still running</source>
        <translation>仍有作业在运行</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) are still running. Leave them running on the server, or kill them?</source>
        <translation>
            <numerusform>还有 %n 个作业正在运行。让它们在服务器上继续运行，还是终止它们？</numerusform>
        </translation>
    </message>
    <message>
        <source>Leave running</source>
        <translation>继续运行</translation>
    </message>
    <message>
        <source>Kill them</source>
        <translation>全部终止</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation>关闭标签页(&amp;C)</translation>
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
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Replace…</source>
        <translation>替换(&amp;R)…</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>&amp;Go to line…</source>
        <translation>跳转到行(&amp;G)…</translation>
    </message>
    <message>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <source>Toggle &amp;comment</source>
        <translation>切换注释(&amp;C)</translation>
    </message>
    <message>
        <source>Ctrl+/</source>
        <translation>Ctrl+/</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Reset &amp;zoom</source>
        <translation>重置缩放(&amp;Z)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Run statement or selection</source>
        <translation>运行当前语句或选中内容(&amp;R)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Run the selection or the statement under the cursor (Ctrl+Enter)</source>
        <translation>运行选中内容或光标所在语句（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Run &amp;whole script</source>
        <translation>运行整个脚本(&amp;W)</translation>
    </message>
    <message>
        <source>Run all</source>
        <translation>全部运行</translation>
    </message>
    <message>
        <source>Run the whole script (Ctrl+Shift+Enter)</source>
        <translation>运行整个脚本（Ctrl+Shift+Enter）</translation>
    </message>
    <message>
        <source>&amp;Kill job</source>
        <translation>终止作业(&amp;K)</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>Kill the job of this tab (Ctrl+Shift+K)</source>
        <translation>终止此标签页的作业（Ctrl+Shift+K）</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Previous &amp;pane</source>
        <translation>上一个窗格(&amp;P)</translation>
    </message>
    <message>
        <source>Next &amp;pane</source>
        <translation>下一个窗格(&amp;P)</translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>连接配置(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Manage profiles…</source>
        <translation>管理连接配置(&amp;M)…</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>连接配置</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Run type</source>
        <translation>运行类型</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>脚本语言</translation>
    </message>
    <message>
        <source>Ln %1, Col %2</source>
        <translation>行 %1，列 %2</translation>
    </message>
    <message>
        <source>Profile: %1 (production)</source>
        <translation>连接配置：%1（生产环境）</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>连接配置：%1</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>connection failed</source>
        <translation>连接失败</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>not a Linkis gateway</source>
        <translation>不是 Linkis 网关</translation>
    </message>
    <message>
        <source>sign-in refused</source>
        <translation>登录被拒绝</translation>
    </message>
    <message>
        <source>Open scripts</source>
        <translation>打开脚本</translation>
    </message>
    <message>
        <source>Go to line</source>
        <translation>跳转到行</translation>
    </message>
    <message>
        <source>Line:</source>
        <translation>行号：</translation>
    </message>
</context>
<context>
    <name>linkisdesk::ParamsPanel</name>
    <message>
        <source>Variables  ${name}</source>
        <translation>变量  ${name}</translation>
    </message>
    <message>
        <source>Startup configuration</source>
        <translation>启动参数（startup）</translation>
    </message>
    <message>
        <source>Runtime configuration</source>
        <translation>运行时参数（runtime）</translation>
    </message>
    <message>
        <source>Special configuration</source>
        <translation>特殊参数（special）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Add a row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Remove the selected row</source>
        <translation>删除所选行</translation>
    </message>
</context>
<context>
    <name>linkisdesk::ProfileDialog</name>
    <message>
        <source>entrance/submit (Linkis 1.x)</source>
        <translation>entrance/submit（Linkis 1.x）</translation>
    </message>
    <message>
        <source>entrance/execute (0.x)</source>
        <translation>entrance/execute（0.x）</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>连接配置</translation>
    </message>
    <message>
        <source>stored in the keyring — type to replace</source>
        <translation>已保存在密钥环中 — 输入新值即可替换</translation>
    </message>
    <message>
        <source>kept for this session only (no system keyring) — type to replace</source>
        <translation>仅在本次会话中保留（没有系统密钥环）— 输入新值即可替换</translation>
    </message>
    <message>
        <source>not stored</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Start / check the local gateway</source>
        <translation>启动 / 检查本地网关</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>新建连接配置</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Delete the profile %1?</source>
        <translation>要删除连接配置 %1 吗？</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <source>Connected: logged in as %1.</source>
        <translation>已连接：以 %1 身份登录。</translation>
    </message>
</context>
<context>
    <name>linkisdesk::ResultExporter</name>
    <message>
        <source>no result set to export</source>
        <translation>没有可导出的结果集</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
</context>
<context>
    <name>linkisdesk::ResultGrid</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Fit columns</source>
        <translation>自适应列宽</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>TSV…</source>
        <translation>TSV…</translation>
    </message>
    <message>
        <source>JSON lines…</source>
        <translation>JSON Lines…</translation>
    </message>
    <message>
        <source>Excel workbook…</source>
        <translation>Excel 工作簿…</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Show the result as a chart</source>
        <translation>以图表显示结果</translation>
    </message>
    <message>
        <source>Select column (statistics of every row)</source>
        <translation>选择整列（统计所有行）</translation>
    </message>
    <message>
        <source>Could not read the result: %1</source>
        <translation>无法读取结果集：%1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>导出已取消</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>导出结果集</translation>
    </message>
    <message>
        <source>%1 files (*.%2);;All files (*)</source>
        <translation>%1 文件 (*.%2);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Copy the selection with column headers</source>
        <translation>复制所选内容及列标题</translation>
    </message>
    <message>
        <source>Clear sort and filter</source>
        <translation>清除排序和筛选</translation>
    </message>
    <message>
        <source>Exports every row in the server&apos;s order, not the sort or filter shown</source>
        <translation>按服务器上的顺序导出全部行，不应用当前显示的排序或筛选</translation>
    </message>
    <message>
        <source>%L1 of %L2 rows</source>
        <translation>已读取 %L1 / %L2 行</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row</source>
        <translation>
            <numerusform>%Ln 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows</source>
        <translation>
            <numerusform>%Ln 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row loaded, more available (scroll to load)</source>
        <translation>
            <numerusform>已加载 %Ln 行，还有更多（滚动以加载）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows loaded, more available (scroll to load)</source>
        <translation>
            <numerusform>已加载 %Ln 行，还有更多（滚动以加载）</numerusform>
        </translation>
    </message>
    <message>
        <source>Sorting by %1…</source>
        <translation>正在按 %1 排序…</translation>
    </message>
    <message>
        <source>Filtering…</source>
        <translation>正在筛选…</translation>
    </message>
    <message>
        <source>Sorted by %1, ascending</source>
        <translation>已按 %1 升序排序</translation>
    </message>
    <message>
        <source>Sorted by %1, descending</source>
        <translation>已按 %1 降序排序</translation>
    </message>
    <message>
        <source>filtered: %1 = %2</source>
        <translation>筛选：%1 = %2</translation>
    </message>
    <message numerus="yes">
        <source>covers all %Ln rows of the result</source>
        <translation>
            <numerusform>涵盖结果的全部 %Ln 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>covers only the first %Ln rows: the result has more, which are not included</source>
        <translation>
            <numerusform>仅涵盖前 %Ln 行：结果还有更多行，未包含在内</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>复制值</translation>
    </message>
    <message>
        <source>Copy with header</source>
        <translation>连同列标题复制</translation>
    </message>
    <message>
        <source>Copy as CSV</source>
        <translation>复制为 CSV</translation>
    </message>
    <message>
        <source>Copy as INSERT</source>
        <translation>复制为 INSERT 语句</translation>
    </message>
    <message>
        <source>Filter by this value</source>
        <translation>按此值筛选</translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Clear sort</source>
        <translation>清除排序</translation>
    </message>
    <message>
        <source>Exported %1 to %2 in the server&apos;s order (the sort and filter shown are not applied)</source>
        <translation>已将 %1 按服务器上的顺序导出到 %2（未应用当前显示的排序和筛选）</translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation>已将 %1 导出到 %2</translation>
    </message>
</context>
<context>
    <name>linkisdesk::ResultTableModel</name>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
</context>
<context>
    <name>linkisdesk::RunController</name>
    <message>
        <source>Kill engine</source>
        <translation>终止引擎</translation>
    </message>
    <message>
        <source>Kill the engine %1 on %2? The job running in it is cancelled and its session state (variables, TEMP tables) is lost.</source>
        <translation>终止 %2 上的引擎 %1？其中运行的作业将被取消，其会话状态（变量、临时表）将丢失。</translation>
    </message>
    <message>
        <source>Reset the session of this tab? Its %1 engine (creator %2) on %3 is killed: its variables and TEMP tables are lost, and a job running in it is cancelled. The next run starts a new one.</source>
        <translation>重置此标签页的会话？%3 上的 %1 引擎（创建者 %2）将被终止：其变量和临时表将丢失，其中运行的作业将被取消。下次运行将启动新引擎。</translation>
    </message>
    <message>
        <source>No %1 engine to reset: the next run starts a new one.</source>
        <translation>没有可重置的 %1 引擎：下次运行将启动新引擎。</translation>
    </message>
    <message numerus="yes">
        <source>Session reset: %n engine(s) killed; the next run starts a new one.</source>
        <translation>
            <numerusform>会话已重置：已终止 %n 个引擎；下次运行将启动新引擎。</numerusform>
        </translation>
    </message>
    <message>
        <source>The engine was asked to end but is still listed.</source>
        <translation>已请求结束引擎，但它仍在列表中。</translation>
    </message>
    <message>
        <source>Nothing to run.</source>
        <translation>没有可运行的内容。</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Cannot connect to %1</source>
        <translation>无法连接到 %1</translation>
    </message>
    <message>
        <source>task %1 (reattached)</source>
        <translation>任务 %1（已重新关联）</translation>
    </message>
    <message>
        <source>No running job in this tab.</source>
        <translation>此标签页没有正在运行的作业。</translation>
    </message>
    <message>
        <source>task %1</source>
        <translation>任务 %1</translation>
    </message>
    <message>
        <source>this job</source>
        <translation>此作业</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>以及另外 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n jobs (%1)</source>
        <translation>
            <numerusform>%n 个作业（%1）</numerusform>
        </translation>
    </message>
    <message>
        <source>Submit again?</source>
        <translation>重新提交？</translation>
    </message>
    <message>
        <source>The job was not sent a second time on its own. Submit it again to %1?</source>
        <translation>作业不会被自动再次发送。要重新提交到 %1 吗？</translation>
    </message>
    <message>
        <source>Submit again</source>
        <translation>重新提交</translation>
    </message>
    <message>
        <source>The connection dropped before the server answered; job history has the job as task %1, followed here (it was not submitted again).</source>
        <translation>服务器应答前连接已断开；作业历史中找到该作业（任务 %1），已在此继续跟踪（未重复提交）。</translation>
    </message>
</context>
<context>
    <name>linkisdesk::RunPanel</name>
    <message>
        <source>no resources reported</source>
        <translation>未报告资源</translation>
    </message>
    <message>
        <source>no YARN application yet</source>
        <translation>尚无 YARN 应用</translation>
    </message>
    <message numerus="yes">
        <source>YARN %1, %n core(s)</source>
        <translation>
            <numerusform>YARN %1，%n 个核</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n application(s)</source>
        <translation>
            <numerusform>分布于 %n 个应用</numerusform>
        </translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>队列 %1</translation>
    </message>
    <message>
        <source>%1 % of the cores</source>
        <translation>占核数的 %1 %</translation>
    </message>
    <message>
        <source>%1 % of the memory</source>
        <translation>占内存的 %1 %</translation>
    </message>
    <message>
        <source>Kill its engine</source>
        <translation>终止其引擎</translation>
    </message>
    <message>
        <source>The job does not stop: kill the engine that runs it (its session state is lost)</source>
        <translation>作业未停止：终止运行它的引擎（其会话状态将丢失）</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Engine %1</source>
        <translation>引擎 %1</translation>
    </message>
    <message>
        <source>%1 at %2 (reused)</source>
        <translation>%1 位于 %2（复用）</translation>
    </message>
    <message>
        <source>%1 at %2 (new)</source>
        <translation>%1 位于 %2（新建）</translation>
    </message>
    <message>
        <source>Engine %1 killed</source>
        <translation>引擎 %1 已终止</translation>
    </message>
    <message>
        <source>The engine was not killed: %1</source>
        <translation>引擎未被终止：%1</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>Kill this job on the server (Ctrl+Shift+K)</source>
        <translation>在服务器上终止此作业（Ctrl+Shift+K）</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Show the progress of each stage (progressInfo)</source>
        <translation>显示各阶段的进度（progressInfo）</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>%1 (production)</source>
        <translation>%1（生产环境）</translation>
    </message>
    <message>
        <source>Kill sent…</source>
        <translation>已发送终止请求…</translation>
    </message>
    <message>
        <source>Kill confirmed</source>
        <translation>已确认终止</translation>
    </message>
    <message>
        <source>Kill not confirmed after %1 s</source>
        <translation>%1 秒后仍未确认终止</translation>
    </message>
    <message>
        <source>Reconnecting in %1 s — %2</source>
        <translation>%1 秒后重新连接 — %2</translation>
    </message>
    <message>
        <source>No answer from the server for %1 s</source>
        <translation>服务器已 %1 秒无响应</translation>
    </message>
    <message>
        <source>The job could not be run</source>
        <translation>作业无法运行</translation>
    </message>
    <message>
        <source>Stages (%1)</source>
        <translation>阶段（%1）</translation>
    </message>
    <message>
        <source>Error %1</source>
        <translation>错误 %1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>The job failed.</source>
        <translation>作业失败。</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果集</translation>
    </message>
    <message>
        <source>Result %1</source>
        <translation>结果集 %1</translation>
    </message>
</context>
<context>
    <name>linkisdesk::ScriptTab</name>
    <message>
        <source>Untitled-%1.%2</source>
        <translation>未命名-%1.%2</translation>
    </message>
</context>
<context>
    <name>linkisdesk::SelectionStatsBar</name>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop counting: the figures so far stay, marked partial</source>
        <translation>停止统计：保留目前的数字，并标为部分结果</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Count %1</source>
        <translation>计数 %1</translation>
    </message>
    <message>
        <source>NULL %1</source>
        <translation>NULL %1</translation>
    </message>
    <message>
        <source>Distinct %1</source>
        <translation>不同值 %1</translation>
    </message>
    <message>
        <source>Min %1</source>
        <translation>最小 %1</translation>
    </message>
    <message>
        <source>Max %1</source>
        <translation>最大 %1</translation>
    </message>
    <message>
        <source>Sum %1</source>
        <translation>求和 %1</translation>
    </message>
    <message>
        <source>Average %1</source>
        <translation>平均 %1</translation>
    </message>
    <message>
        <source>So far, %1 rows read: %2</source>
        <translation>目前已读 %1 行：%2</translation>
    </message>
    <message>
        <source>stopped after %1 rows</source>
        <translation>在 %1 行后停止</translation>
    </message>
    <message>
        <source>could not read every row: %1</source>
        <translation>无法读取全部行：%1</translation>
    </message>
    <message>
        <source>Partial (%1): %2</source>
        <translation>部分结果（%1）：%2</translation>
    </message>
</context>
<context>
    <name>linkisdesk::ShortcutDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键一览</translation>
    </message>
    <message>
        <source>Customise shortcuts</source>
        <translation>自定义快捷键</translation>
    </message>
    <message>
        <source>Filter by action or key</source>
        <translation>按操作或按键筛选</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>设定</translation>
    </message>
    <message>
        <source>No shortcut</source>
        <translation>无快捷键</translation>
    </message>
    <message>
        <source>Reset to default</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Reset all</source>
        <translation>全部恢复默认</translation>
    </message>
    <message>
        <source>Press the new shortcut:</source>
        <translation>按下新的快捷键：</translation>
    </message>
    <message>
        <source>Already used by: %1. Assigning it removes it there.</source>
        <translation>已被以下操作使用：%1。设定后将从该处移除。</translation>
    </message>
</context>
<context>
    <name>linkisdesk::VariablePrompt</name>
    <message>
        <source>Variables</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>The script uses variables that have no value yet:</source>
        <translation>脚本中使用了以下尚未赋值的变量：</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
</context>
<context>
    <name>linkisdesk::WorkspaceDock</name>
    <message>
        <source>&quot;%1&quot; has no script type the workspace opens (such as .sql, .py, .scala, .sh).</source>
        <translation>“%1”不是工作空间能打开的脚本类型（如 .sql、.py、.scala、.sh）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid name.</source>
        <translation>“%1”不是有效的名称。</translation>
    </message>
    <message>
        <source>%1 was changed on the server since you opened it. Overwrite it with your version?</source>
        <translation>%1 在您打开之后已在服务器上被修改。要用您的版本覆盖它吗？</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Changed on the server</source>
        <translation>服务器上已修改</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete %1 from the workspace of %2? A folder is deleted with everything in it. This cannot be undone.</source>
        <translation>要从 %2 的工作空间删除 %1 吗？文件夹会连同其中的全部内容一起删除。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Download to</source>
        <translation>下载到</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>下载…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>New file</source>
        <translation>新建文件</translation>
    </message>
    <message>
        <source>New file name (e.g. daily.sql or reports/daily.sql):</source>
        <translation>新文件名（例如 daily.sql 或 reports/daily.sql）：</translation>
    </message>
    <message>
        <source>New file…</source>
        <translation>新建文件…</translation>
    </message>
    <message>
        <source>New folder</source>
        <translation>新建文件夹</translation>
    </message>
    <message>
        <source>New folder name:</source>
        <translation>新文件夹名：</translation>
    </message>
    <message>
        <source>New folder…</source>
        <translation>新建文件夹…</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>No connection for profile %1.</source>
        <translation>配置 %1 没有连接。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Not saved: %1 was changed on the server.</source>
        <translation>未保存：%1 已在服务器上被修改。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Profile whose workspace is shown</source>
        <translation>显示其工作空间的配置</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Upload a local file</source>
        <translation>上传本地文件</translation>
    </message>
    <message>
        <source>Upload a local file…</source>
        <translation>上传本地文件…</translation>
    </message>
</context>
</TS>

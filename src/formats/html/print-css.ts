// The print view's stylesheet, inlined into the page. Screen: a white sheet on grey, the table
// scrolling sideways on narrow screens rather than squeezing. Print: A4 landscape, thin black
// rules, rows kept whole where they fit, page numbers in the bottom margin (Chromium 131+).
// Rows are kept whole through their cells, not with tr{break-inside:avoid}: Chromium counts a
// cell merged down from a row (二级指标) as part of that row, and so pushed the whole group to
// the next page, leaving half a page blank.

export const PRINT_CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#eceff1;color:#000;font-family:SimSun,"宋体","Songti SC","Noto Serif CJK SC","Source Han Serif SC",serif;font-size:14px;line-height:1.5}
.sheet{max-width:1280px;margin:24px auto;padding:32px 40px 40px;background:#fff;box-shadow:0 1px 6px rgba(0,0,0,.18)}
h1{margin:0 0 4px;text-align:center;font-size:26px;font-weight:bold;letter-spacing:.08em}
.subtitle{margin:0 0 14px;text-align:center;font-size:16px}
.scroll{overflow-x:auto}
table.form{width:100%;min-width:960px;border-collapse:collapse;table-layout:fixed}
table.form+table.form{margin-top:-1px}
th,td{border:1px solid #000;padding:4px 6px;vertical-align:middle;font-weight:normal;overflow-wrap:anywhere}
th.header{font-weight:bold;background:#f7f7f7}
td.text{white-space:pre-wrap}
.left{text-align:left}.center{text-align:center}.right{text-align:right}
td.amount,td.percent,td.score{white-space:nowrap;font-variant-numeric:tabular-nums}
.open-bottom{border-bottom-style:hidden}
.open-top{border-top-style:hidden}
@page{size:A4 landscape;margin:12mm 10mm 14mm;@bottom-center{content:"第 " counter(page) " 页 共 " counter(pages) " 页";font-size:9pt}}
@media print{
body{background:none;font-size:10pt;line-height:1.35}
.sheet{max-width:none;margin:0;padding:0;box-shadow:none}
.scroll{overflow:visible}
table.form{min-width:0}
th.header{background:none}
h1{font-size:18pt}
h1,.subtitle{break-after:avoid}
thead{display:table-header-group}
td:not([rowspan]),th:not([rowspan]){break-inside:avoid}
}
`;

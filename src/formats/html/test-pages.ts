// Hand-written HTML pages for the HTML reader's tests: a small form laid out as published forms
// are — one table, merged cells as rowspan/colspan — and the junk government pages put around it.

export type PageForm = { project: string; year?: number; unit?: string };

/** One form as a single table: title and year rows inside it, indicator labels merged down. */
export function formTable({ project, year = 2021, unit = '测试实施单位' }: PageForm): string {
  return `<table border="1">
<tr><td colspan="9"><b>项目支出绩效自评表</b></td></tr>
<tr><td colspan="9">（${year}年度）</td></tr>
<tr><td colspan="2">项目名称</td><td colspan="7">${project}</td></tr>
<tr><td colspan="2">主管部门</td><td colspan="3">测试主管部门</td><td>实施单位</td><td colspan="3">${unit}</td></tr>
<tr><td colspan="2" rowspan="5">项目资金<br>（万元）</td><td></td><td>年初预算数</td><td>全年预算数</td><td>全年执行数</td><td>分值</td><td>执行率</td><td>得分</td></tr>
<tr><td>年度资金总额</td><td>1,000.00</td><td>1,000.00</td><td>900.00</td><td>10</td><td>90.00%</td><td>9</td></tr>
<tr><td>其中：当年财政拨款</td><td>1,000.00</td><td>1,000.00</td><td>900.00</td><td>-</td><td>90.00%</td><td>-</td></tr>
<tr><td>上年结转资金</td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td>其他资金</td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td rowspan="2">年度总体目标</td><td colspan="4">预期目标</td><td colspan="4">实际完成情况</td></tr>
<tr><td colspan="4"><p>年度目标：</p><p>1、培训&nbsp;100&nbsp;人次；</p><p>2、举办 5 场。</p></td><td colspan="4">已完成</td></tr>
<tr><td rowspan="5">绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td><td>偏差原因分析及改进措施</td></tr>
<tr><td rowspan="3">产出指标</td><td rowspan="2">数量指标</td><td>培训人数</td><td>&ge;100人次</td><td>120人次</td><td>30</td><td>30</td><td></td></tr>
<tr><td>举办场次</td><td>不少于5场</td><td>5场</td><td>30</td><td>30</td><td></td></tr>
<tr><td>时效指标</td><td>完成时间</td><td>2021年12月31日前</td><td>2022年1月15日</td><td>20</td><td>15</td><td>因疫情&lt;延期&gt; &amp; 顺延</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>学员满意度</td><td>&ge;90%</td><td>95%</td><td>10</td><td>10</td><td></td></tr>
<tr><td colspan="6">总分</td><td>100</td><td>94</td><td></td></tr>
</table>`;
}

/** A page as a government site serves it: a layout table with navigation, scripts and a footer. */
export function governmentPage(body: string, head = '<meta charset="utf-8">'): string {
  return `<!DOCTYPE html>
<html><head>${head}<title>2023年度部门预算公开 - 某某区财政局</title>
<style>td { color: red } .x::before { content: "项目名称" }</style>
<script>var t = '<table><tr><td>项目名称</td><td>脚本里的假表</td></tr></table>';</script>
</head><body>
<div class="nav"><ul><li><a href="/">首页</a></li><li>政务公开</li><li>2022年度决算公开</li></ul></div>
<table class="layout" width="100%"><tr>
<td class="left"><table><tr><td><a href="#">通知公告</a></td></tr><tr><td><a href="#">政策解读</a></td></tr></table></td>
<td class="main">
<div class="crumb">当前位置：首页 &gt; 信息公开 &gt; 绩效自评</div>
<p>发布时间：2022-05-10　来源：某某区财政局</p>
${body}
<p style="display:none">项目名称 隐藏的内容</p>
</td></tr></table>
<noscript><table><tr><td>项目名称</td><td>noscript 里的表</td></tr></table></noscript>
<div class="footer">主办单位：某某区人民政府　版权所有 &copy; 2022</div>
</body></html>`;
}

let gbkTable: Map<string, number[]> | null = null;

/**
 * Text → GBK bytes, for pages saved in the local encoding. Node has a GBK decoder but no encoder:
 * the table is the decoder run backwards over every two-byte code.
 */
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk', { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        try {
          const ch = decoder.decode(new Uint8Array([lead, trail]));
          if (!gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
        } catch {
          // not a GBK code
        }
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbkTable.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

import { FilePdfOutlined, FileWordOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Empty, Input, Spin, Table, Tag, Tooltip } from 'antd';
import { useMemo } from 'react';
import type { Form, ReportSectionKey } from '../../../../src/core/form/schema.ts';
import type { ReportBlock } from '../../../../src/core/report/document.ts';
import { selfEvaluationReport } from '../../../../src/core/report/self-evaluation.ts';
import { openFile, reportUrl } from '../../api/download.ts';
import { useT } from '../../app/i18n.tsx';
import type { Edit } from './form-edits.ts';
import type { LiveEvaluation } from './live-rescore.ts';

// 项目支出绩效自评报告 beside the form: the same core that prints the report drafts it here from
// the figures being edited. Narrative sections are text boxes; what the unit types is an edit of
// the form (Form JSON `report.<section>`), saved with it and kept in its revisions. Tables and
// totals are computed and shown read-only.

type Props = {
  open: boolean;
  onClose: () => void;
  formId: string;
  form: Form;
  evaluation: LiveEvaluation | null;
  profileId: string;
  profileName: string;
  readOnly: boolean;
  dirty: boolean;
  dispatch: (edit: Edit) => void;
};

/** A key that stays with its block while the text of other blocks changes. */
function blockKey(b: ReportBlock): string {
  if (b.type === 'heading') return `h:${b.text}`;
  if (b.type === 'paragraph') return b.section ? `s:${b.section}` : `p:${b.text.slice(0, 24)}`;
  if (b.type === 'table') return `t:${b.columns.map((c) => c.title).join('|')}`;
  return `c:${b.title}`;
}

function TableBlock({ block }: { block: Extract<ReportBlock, { type: 'table' }> }) {
  const strong = new Set(block.strong ?? []);
  return (
    <div className="report-table">
      <Table<{ key: number; cells: string[] }>
        size="small"
        pagination={false}
        bordered
        scroll={{ x: 720 }}
        dataSource={block.rows.map((cells, key) => ({ key, cells }))}
        rowClassName={(r) => (strong.has(r.key) ? 'report-strong-row' : '')}
        columns={block.columns.map((c, i) => ({
          key: i,
          title: c.title,
          width: Math.round(c.width * 14),
          align: c.align ?? 'left',
          render: (_: unknown, r: { cells: string[] }) => r.cells[i],
        }))}
      />
      {block.note && <p className="muted small">{block.note}</p>}
    </div>
  );
}

export function ReportDrawer(props: Props) {
  const t = useT();
  const { message } = App.useApp();
  const { form, evaluation } = props;
  // The evaluation trails the form by a render while typing (useDeferredValue): build only when
  // it describes the same rows.
  const doc = useMemo(() => {
    if (!props.open || !evaluation || evaluation.score.rows.length !== form.indicators.length) return null;
    return selfEvaluationReport({
      form,
      score: evaluation.score,
      findings: evaluation.findings,
      profileName: props.profileName,
    });
  }, [props.open, form, evaluation, props.profileName]);

  const download = (format: 'docx' | 'pdf') => {
    if (props.dirty) void message.warning(t.editor.exportSavedOnly);
    openFile(reportUrl(props.formId, format, props.profileId));
  };

  const section = (key: ReportSectionKey, text: string) => {
    const edited = form.report?.[key] !== undefined;
    return (
      <section className="report-section" key={key} data-section={key}>
        <div className="report-section-head">
          <span className="report-section-title">{t.report.sections[key]}</span>
          {edited ? <Tag color="blue">{t.report.edited}</Tag> : <Tag>{t.report.drafted}</Tag>}
          {edited && !props.readOnly && (
            <Tooltip title={t.report.restoreHint}>
              <Button
                size="small"
                type="link"
                icon={<UndoOutlined />}
                onClick={() => {
                  // the last edited section restored: no `report` left at all (the form as imported)
                  const others = Object.keys(form.report ?? {}).filter((k) => k !== key);
                  props.dispatch({
                    type: 'set',
                    path: others.length ? `report.${key}` : 'report',
                    value: undefined,
                  });
                }}
              >
                {t.report.restore}
              </Button>
            </Tooltip>
          )}
        </div>
        <Input.TextArea
          aria-label={t.report.sections[key]}
          value={text}
          readOnly={props.readOnly}
          autoSize={{ minRows: 2, maxRows: 24 }}
          onChange={(e) => props.dispatch({ type: 'set', path: `report.${key}`, value: e.target.value })}
        />
      </section>
    );
  };

  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      size={860}
      title={t.report.title}
      className="report-drawer"
      extra={
        <span className="report-actions">
          <Button icon={<FileWordOutlined />} onClick={() => download('docx')}>
            {t.report.exportDocx}
          </Button>
          <Button icon={<FilePdfOutlined />} onClick={() => download('pdf')}>
            {t.report.exportPdf}
          </Button>
        </span>
      }
    >
      <p className="muted small report-hint">{t.report.hint}</p>
      {!doc ? (
        evaluation ? (
          <Empty description={t.report.scoring} />
        ) : (
          <Spin tip={t.report.scoring}>
            <div style={{ height: 120 }} />
          </Spin>
        )
      ) : (
        <article className="report-preview">
          <h2 className="report-title">{doc.title}</h2>
          {doc.subtitle && <p className="report-subtitle">{doc.subtitle}</p>}
          {doc.blocks.map((b) => {
            const key = blockKey(b);
            if (b.type === 'heading')
              return b.level === 1 ? (
                <h3 key={key} className="report-h1">
                  {b.text}
                </h3>
              ) : (
                <h4 key={key} className="report-h2">
                  {b.text}
                </h4>
              );
            if (b.type === 'paragraph')
              return b.section ? (
                section(b.section as ReportSectionKey, b.text)
              ) : (
                <div key={key} className="report-computed" title={t.report.computed}>
                  {b.text}
                </div>
              );
            if (b.type === 'table') return <TableBlock key={key} block={b} />;
            return null;
          })}
        </article>
      )}
    </Drawer>
  );
}

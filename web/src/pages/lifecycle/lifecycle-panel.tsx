import { BranchesOutlined, DiffOutlined, FileAddOutlined, FundViewOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { endpoints } from '../../../../src/contract/endpoints.ts';
import type { FormDetail } from '../../../../src/contract/forms.ts';
import type { DeclarationDiffView, ProjectChain } from '../../../../src/contract/lifecycle.ts';
import { ADJUSTMENT_TRIGGERS } from '../../../../src/core/form/schema.ts';
import { call } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { keys } from '../../api/queries.ts';
import { useT } from '../../app/i18n.tsx';
import { Labelled } from '../../components/labelled.tsx';
import { StatusTag } from '../../components/status-tag.tsx';
import { LAYOUTS, monitoringPeriods, periodLabel } from './kind-layout.ts';

export const chainKey = (projectId: string, year: number) => ['chain', projectId, year] as const;

export const useChain = (projectId: string, year: number, enabled = true) =>
  useQuery({
    queryKey: chainKey(projectId, year),
    queryFn: ({ signal }) =>
      call(endpoints.projectChain, { params: { id: projectId }, query: { year }, signal }),
    enabled: enabled && projectId !== '',
  });

/**
 * The project's chain for the year beside the form (lifecycle.md §3): declaration versions with
 * their status, the monitoring periods and the self-evaluation; the actions the chain allows now —
 * adjust an approved version, compare two versions, start a monitoring form for a period of the
 * profile, start the self-evaluation from the latest approved targets.
 */
export function LifecyclePanel({ detail }: { detail: FormDetail }) {
  const t = useT();
  const l = t.lifecycle;
  const chain = useChain(detail.projectId, detail.year, detail.kind !== 'department-self-evaluation');
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [adjusting, setAdjusting] = useState(false);
  const [diffPair, setDiffPair] = useState<[string, string] | null>(null);
  const [period, setPeriod] = useState<number | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  if (detail.kind === 'department-self-evaluation') return null;
  const c = chain.data;
  if (!c) return chain.isError ? <Empty description={errorMessage(chain.error)} /> : null;
  const open = (d: FormDetail) => {
    void qc.invalidateQueries({ queryKey: keys.forms() });
    void qc.invalidateQueries({ queryKey: chainKey(detail.projectId, detail.year) });
    navigate(`/forms/${d.id}`);
  };
  const act = async (what: string, fn: () => Promise<FormDetail>, done: string) => {
    setBusy(what);
    try {
      const d = await fn();
      void message.success(done);
      open(d);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const months = monitoringPeriods(c.monitoringMonths);
  const decl = c.declarations;
  const canDiff = decl.length >= 2;
  const thisDecl = detail.kind === 'project-target-declaration';
  return (
    <div className="lifecycle-panel" data-testid="lifecycle-panel">
      <h3 className="panel-title">
        <BranchesOutlined /> {l.versions}
      </h3>
      <ol className="chain-list">
        {decl.map((d) => (
          <li key={d.id} className={d.id === detail.id ? 'current' : ''}>
            <Link to={`/forms/${d.id}`}>
              {l.kindShort['project-target-declaration']} {l.version(d.version)}
            </Link>{' '}
            <StatusTag status={d.status} />
            {d.id === c.latestApprovedId && <Tag color="green">{l.inForce}</Tag>}
            {d.adjustment && (
              <div className="muted small">
                {d.adjustment.trigger}：{d.adjustment.reason}
              </div>
            )}
            {d.approval && <div className="muted small">{d.approval.documentNo}</div>}
          </li>
        ))}
        {c.monitoring.map((m) => (
          <li key={m.id} className={m.id === detail.id ? 'current' : ''}>
            <Link to={`/forms/${m.id}`}>
              {l.kindShort['project-monitoring']} {m.asOfMonth ? periodLabel(m.asOfMonth) : ''}
            </Link>{' '}
            <StatusTag status={m.status} />
          </li>
        ))}
        {c.selfEvaluation && (
          <li className={c.selfEvaluation.id === detail.id ? 'current' : ''}>
            <Link to={`/forms/${c.selfEvaluation.id}`}>{l.kindShort['project-self-evaluation']}</Link>{' '}
            <StatusTag status={c.selfEvaluation.status} />
          </li>
        )}
      </ol>
      <div className="chain-actions">
        {thisDecl && detail.canAdjust && (
          <Button icon={<BranchesOutlined />} className="lc-adjust" onClick={() => setAdjusting(true)}>
            {l.adjust}
          </Button>
        )}
        {canDiff && (
          <Button
            icon={<DiffOutlined />}
            className="lc-diff"
            onClick={() => {
              const newer = decl.find((d) => d.id === detail.id) ?? decl[decl.length - 1]!;
              const older = decl.filter((d) => d.version < newer.version).pop() ?? decl[0]!;
              setDiffPair([older.id, newer.id]);
            }}
          >
            {l.diff}
          </Button>
        )}
        {c.canCreateMonitoring && (
          <span className="lc-monitor">
            <Select
              size="middle"
              aria-label={l.period}
              value={period ?? months[months.length - 1]}
              onChange={setPeriod}
              options={months.map((m) => ({ value: m, label: periodLabel(m) }))}
              style={{ width: 100 }}
            />
            <Button
              icon={<FundViewOutlined />}
              className="lc-new-monitoring"
              loading={busy === 'monitoring'}
              onClick={() =>
                act(
                  'monitoring',
                  () =>
                    call(endpoints.createMonitoring, {
                      params: { id: detail.projectId },
                      body: { year: detail.year, asOfMonth: period ?? months[months.length - 1] ?? 7 },
                    }),
                  l.created,
                )
              }
            >
              {l.newMonitoring}
            </Button>
          </span>
        )}
        {c.canCreateSelfEvaluation && (
          <Button
            type="primary"
            icon={<FileAddOutlined />}
            className="lc-prefill"
            loading={busy === 'self'}
            onClick={() =>
              act(
                'self',
                () =>
                  call(endpoints.createSelfEvaluation, {
                    params: { id: detail.projectId },
                    body: { year: detail.year },
                  }),
                l.prefillDone,
              )
            }
          >
            {l.prefill}
          </Button>
        )}
        {!c.latestApprovedId && <p className="muted">{l.noApproved}</p>}
      </div>
      <AdjustDialog
        open={adjusting}
        onClose={() => setAdjusting(false)}
        onSubmit={(body) =>
          act(
            'adjust',
            () => call(endpoints.adjustForm, { params: { id: detail.id }, body }),
            l.created,
          ).then(() => setAdjusting(false))
        }
        busy={busy === 'adjust'}
      />
      <DiffDialog pair={diffPair} chain={c} onClose={() => setDiffPair(null)} />
    </div>
  );
}

function AdjustDialog(props: {
  open: boolean;
  busy: boolean;
  onClose: () => void;
  onSubmit: (body: { trigger: string; reason: string; budgetAdjustmentRef?: string }) => void;
}) {
  const t = useT();
  const l = t.lifecycle;
  const [trigger, setTrigger] = useState<string>(ADJUSTMENT_TRIGGERS[0]);
  const [reason, setReason] = useState('');
  const [ref, setRef] = useState('');
  return (
    <Modal
      open={props.open}
      title={l.adjustTitle}
      okText={l.adjust}
      cancelText={t.common.cancel}
      okButtonProps={{ disabled: !reason.trim(), loading: props.busy }}
      onCancel={props.onClose}
      onOk={() =>
        props.onSubmit({
          trigger,
          reason: reason.trim(),
          ...(ref.trim() ? { budgetAdjustmentRef: ref.trim() } : {}),
        })
      }
      destroyOnHidden
    >
      <Labelled id="adjust-trigger" label={l.trigger}>
        <Select
          value={trigger}
          onChange={setTrigger}
          options={ADJUSTMENT_TRIGGERS.map((x) => ({ value: x, label: x }))}
          style={{ width: '100%' }}
        />
      </Labelled>
      <Labelled id="adjust-reason" label={l.reason}>
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          autoSize={{ minRows: 3 }}
          maxLength={4000}
        />
      </Labelled>
      <Labelled id="adjust-ref" label={l.budgetRef}>
        <Input value={ref} onChange={(e) => setRef(e.target.value)} maxLength={200} />
      </Labelled>
    </Modal>
  );
}

const show = (v: unknown): string =>
  v === null || v === undefined || v === ''
    ? '（空白）'
    : typeof v === 'object'
      ? JSON.stringify(v)
      : String(v);

const FIELD_NAMES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(LAYOUTS['project-target-declaration'].columns.map((c) => [c.key, c.label])),
  ...Object.fromEntries(LAYOUTS['project-target-declaration'].goals.map((g) => [`goals.${g.key}`, g.label])),
};
const fieldName = (f: string): string => FIELD_NAMES[f] ?? f;

type DiffLine = {
  key: string;
  kind: 'added' | 'removed' | 'modified';
  name: string;
  field: string;
  before: string;
  after: string;
};

export function diffLines(diff: DeclarationDiffView): DiffLine[] {
  const out: DiffLine[] = [];
  for (const a of diff.added)
    out.push({
      key: `a${a.indicatorId}`,
      kind: 'added',
      name: a.row.name,
      field: '',
      before: '',
      after: a.row.target,
    });
  for (const r of diff.removed)
    out.push({
      key: `r${r.indicatorId}`,
      kind: 'removed',
      name: r.row.name,
      field: '',
      before: r.row.target,
      after: '',
    });
  for (const m of diff.modified)
    for (const c of m.changes)
      out.push({
        key: `m${m.indicatorId}${c.field}`,
        kind: 'modified',
        name: m.name,
        field: c.field,
        before: show(c.before),
        after: show(c.after),
      });
  for (const c of diff.form)
    out.push({
      key: `f${c.field}`,
      kind: 'modified',
      name: '',
      field: c.field,
      before: show(c.before),
      after: show(c.after),
    });
  return out;
}

function DiffDialog(props: { pair: [string, string] | null; chain: ProjectChain; onClose: () => void }) {
  const t = useT();
  const l = t.lifecycle;
  const [older, newer] = props.pair ?? ['', ''];
  const diff = useQuery({
    queryKey: ['diff', older, newer],
    queryFn: ({ signal }) =>
      call(endpoints.diffVersions, { params: { id: newer }, query: { against: older }, signal }),
    enabled: props.pair !== null,
  });
  const d = diff.data;
  const lines = d ? diffLines(d) : [];
  return (
    <Modal
      open={props.pair !== null}
      title={d ? `${l.diff}：${l.version(d.older.version)} → ${l.version(d.newer.version)}` : l.diff}
      onCancel={props.onClose}
      footer={null}
      width={860}
      destroyOnHidden
    >
      {diff.isError && <p className="error-text">{errorMessage(diff.error)}</p>}
      {d && lines.length === 0 && <Empty description={l.diffNone} />}
      {lines.length > 0 && (
        <Table<DiffLine>
          className="version-diff"
          size="small"
          pagination={false}
          rowKey="key"
          rowClassName={(r) => `diff-${r.kind}`}
          dataSource={lines}
          columns={[
            { title: '', dataIndex: 'kind', width: 60, render: (k: DiffLine['kind']) => l[k] },
            { title: '指标', dataIndex: 'name' },
            { title: '字段', dataIndex: 'field', width: 110, render: (f: string) => fieldName(f) },
            { title: l.before, dataIndex: 'before' },
            { title: l.after, dataIndex: 'after' },
          ]}
        />
      )}
    </Modal>
  );
}

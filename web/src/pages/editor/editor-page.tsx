import { useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Result, Tabs } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { endpoints } from '../../../../src/contract/endpoints.ts';
import type { FormDetail } from '../../../../src/contract/forms.ts';
import type { Form } from '../../../../src/core/form/schema.ts';
import { call } from '../../api/client.ts';
import { errorMessage, isApiError } from '../../api/errors.ts';
import { keys, useComments, useEvidence, useFormDetail } from '../../api/queries.ts';
import { useT } from '../../app/i18n.tsx';
import { PageSpinner } from '../../app/session.tsx';
import { DepartmentAggregatePanel } from '../lifecycle/department-aggregate.tsx';
import { LifecyclePanel } from '../lifecycle/lifecycle-panel.tsx';
import { useLifecycle } from '../lifecycle/use-lifecycle.ts';
import { AuditPanel } from './audit-panel.tsx';
import { ConflictDialog, type ConflictState } from './conflict-dialog.tsx';
import { EditorToolbar } from './editor-toolbar.tsx';
import { EvidencePanel } from './evidence-panel.tsx';
import { FormSheet } from './form-sheet.tsx';
import { HistoryPanel } from './history-panel.tsx';
import { focusField } from './keyboard.ts';
import { ReportDrawer } from './report-drawer.tsx';
import { ReviewPanel } from './review-panel.tsx';
import { TotalsBar } from './totals-bar.tsx';
import { useFormEditor } from './use-form-editor.ts';
import { useLiveEvaluation } from './use-live-evaluation.ts';
import { WorkflowActions } from './workflow-actions.tsx';

export default function EditorPage() {
  const t = useT();
  const { id = '' } = useParams();
  const detail = useFormDetail(id);
  if (detail.isLoading) return <PageSpinner />;
  if (!detail.data)
    return (
      <Result
        status={isApiError(detail.error, 'not-found') ? '404' : 'error'}
        title={t.app.loadFailed}
        subTitle={errorMessage(detail.error)}
        extra={<Button onClick={() => detail.refetch()}>{t.app.retry}</Button>}
      />
    );
  return <Editor key={detail.data.id} initial={detail.data} />;
}

type Tab = 'audit' | 'review' | 'evidence' | 'history' | 'lifecycle';

function Editor({ initial }: { initial: FormDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [detail, setDetail] = useState(initial);
  const editor = useFormEditor({
    form: initial.form,
    revision: initial.revision,
    profileId: initial.profileId,
  });
  const { state, dirty, dispatch } = editor;
  const live = useLiveEvaluation(state.form, state.profileId);
  const comments = useComments(detail.id);
  const evidence = useEvidence(detail.id);
  const readOnly = !detail.canEdit;
  const [tab, setTab] = useState<Tab>('audit');
  const [activeField, setActiveField] = useState<string | null>(null);
  const [evidenceRow, setEvidenceRow] = useState<number | null>(null);
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const [saving, setSaving] = useState(false);
  const [reportOpen, setReportOpen] = useState(false);
  const stateRef = useRef(state);
  stateRef.current = state;

  const adopt = useCallback(
    (d: FormDetail, sent?: Form) => {
      setDetail(d);
      if (sent) editor.saved(sent, d.form, d.revision, d.profileId);
      else editor.load(d.form, d.revision, d.profileId);
      qc.setQueryData(keys.form(d.id), d);
      void qc.invalidateQueries({ queryKey: keys.forms() });
      void qc.invalidateQueries({ queryKey: keys.revisions(d.id) });
      void qc.invalidateQueries({ queryKey: keys.comments(d.id) });
      // a save or a workflow step changes the project's chain (statuses, superseded versions)
      void qc.invalidateQueries({ queryKey: ['chain'] });
    },
    [editor, qc],
  );

  const save = useCallback(
    async (
      form: Form = stateRef.current.form,
      ifMatch: number = stateRef.current.baseRevision,
    ): Promise<FormDetail | null> => {
      setSaving(true);
      try {
        const d = await call(endpoints.saveForm, {
          params: { id: detail.id },
          body: { form, profileId: stateRef.current.profileId },
          ifMatch,
        });
        adopt(d, form);
        void message.success(t.editor.saved);
        return d;
      } catch (e) {
        if (isApiError(e) && e.status === 409 && e.code === 'stale-revision') {
          const theirs = await call(endpoints.getForm, { params: { id: detail.id } });
          setConflict({ base: stateRef.current.base, mine: form, theirs });
        } else void message.error(errorMessage(e));
        return null;
      } finally {
        setSaving(false);
      }
    },
    [adopt, detail.id, message, t],
  );

  const ensureSaved = useCallback(async () => {
    if (!dirty) return stateRef.current.baseRevision;
    const d = await save();
    return d ? d.revision : null;
  }, [dirty, save]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        if (!readOnly && dirty) void save();
      }
    };
    const onUnload = (e: BeforeUnloadEvent) => {
      if (dirty && !readOnly) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [dirty, readOnly, save]);

  const commentItems = comments.data?.items ?? [];
  const cellComments = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const c of commentItems) {
      if (!c.field) continue;
      const list = m.get(c.field) ?? [];
      list.push(`${c.author.displayName}：${c.body}`);
      m.set(c.field, list);
    }
    return m;
  }, [commentItems]);
  const pendingCellComments = commentItems.filter(
    (c) => c.action === null && c.revision === detail.revision,
  ).length;
  const evidenceItems = evidence.data?.items ?? [];
  const evidenceCounts = useMemo(() => {
    const m = new Map<number, number>();
    for (const e of evidenceItems) if (e.row !== null) m.set(e.row, (m.get(e.row) ?? 0) + 1);
    return m;
  }, [evidenceItems]);
  const onEvidence = useCallback((row: number) => {
    setEvidenceRow(row);
    setTab('evidence');
  }, []);
  const jump = useCallback((field: string) => {
    focusField(field);
  }, []);

  const lc = useLifecycle(detail, state.form, live.profile, live.evaluation);
  const ev = lc.evaluation;
  const selfEvaluation = state.form.kind === 'project-self-evaluation';
  return (
    <div className="editor-page">
      <EditorToolbar
        detail={detail}
        projectName={state.form.projectName}
        profileId={state.profileId}
        onProfile={editor.setProfile}
        dirty={dirty}
        saving={saving}
        onSave={() => void save()}
        readOnly={readOnly}
        source={live.source}
        workflow={
          <WorkflowActions
            detail={detail}
            ensureSaved={ensureSaved}
            pendingCellComments={pendingCellComments}
            onDone={(d) => adopt(d)}
          />
        }
        onReport={state.form.kind === 'project-self-evaluation' ? () => setReportOpen(true) : undefined}
      />
      <div className="editor-body">
        <div className="sheet-column">
          {selfEvaluation && <TotalsBar evaluation={ev} onShowFindings={() => setTab('audit')} />}
          <div className="sheet-paper">
            <FormSheet
              form={state.form}
              evaluation={ev}
              readOnly={readOnly}
              dispatch={dispatch}
              comments={cellComments}
              evidenceCounts={evidenceCounts}
              onEvidence={onEvidence}
              onFocusField={setActiveField}
              monitoringMonths={live.profile?.lifecycle?.monitoringMonths}
              lights={lc.lights}
            />
          </div>
        </div>
        <aside className="side-panel no-print" aria-label={t.audit.title}>
          <Tabs
            activeKey={tab}
            onChange={(k) => setTab(k as Tab)}
            size="small"
            items={[
              {
                key: 'audit',
                label: (
                  <span>
                    {t.audit.tab} <Badge count={ev?.errors ?? 0} size="small" />
                  </span>
                ),
                children: <AuditPanel evaluation={ev} form={state.form} onJump={jump} />,
              },
              {
                key: 'lifecycle',
                label: (
                  <span className="lifecycle-tab">
                    {t.lifecycle.stages} <Badge count={lc.stageCount} size="small" color="#ef6c00" />
                  </span>
                ),
                children:
                  state.form.kind === 'department-self-evaluation' ? (
                    <DepartmentAggregatePanel detail={detail} />
                  ) : (
                    <LifecyclePanel detail={detail} />
                  ),
              },
              {
                key: 'review',
                label: (
                  <span>
                    {t.review.tab}{' '}
                    <Badge
                      count={commentItems.filter((c) => c.action === null).length}
                      size="small"
                      color="#1f4e8c"
                    />
                  </span>
                ),
                children: (
                  <ReviewPanel
                    detail={detail}
                    form={state.form}
                    comments={commentItems}
                    activeField={activeField}
                    onJump={jump}
                    stageFindings={ev?.findings.filter((f) => f.family === 'cross-stage') ?? []}
                  />
                ),
              },
              {
                key: 'evidence',
                label: `${t.evidence.tab}${evidenceItems.length ? ` ${evidenceItems.length}` : ''}`,
                children: (
                  <EvidencePanel
                    formId={detail.id}
                    form={state.form}
                    items={evidenceItems}
                    row={evidenceRow}
                    onRowChange={setEvidenceRow}
                    canEdit={detail.canEdit}
                  />
                ),
              },
              {
                key: 'history',
                label: t.history.tab,
                children: (
                  <HistoryPanel
                    formId={detail.id}
                    currentRevision={detail.revision}
                    onRestore={(form, revision) => {
                      editor.replace(form);
                      void message.info(t.history.restored(revision));
                    }}
                  />
                ),
              },
            ]}
          />
        </aside>
      </div>
      <ReportDrawer
        open={reportOpen}
        onClose={() => setReportOpen(false)}
        formId={detail.id}
        form={state.form}
        evaluation={ev}
        profileId={state.profileId}
        profileName={live.profile?.name ?? state.profileId}
        readOnly={readOnly}
        dirty={dirty}
        dispatch={dispatch}
      />
      <ConflictDialog
        state={conflict}
        saving={saving}
        onCancel={() => setConflict(null)}
        onDiscard={(theirs) => {
          setConflict(null);
          adopt(theirs);
        }}
        onResolve={async (form, theirs) => {
          setConflict(null);
          editor.saved(stateRef.current.form, theirs.form, theirs.revision, theirs.profileId);
          editor.replace(form);
          await save(form, theirs.revision);
        }}
      />
    </div>
  );
}

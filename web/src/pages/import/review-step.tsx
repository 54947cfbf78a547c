import { useMutation } from '@tanstack/react-query';
import { App, Button, Radio, Select, Space, Splitter } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { endpoints } from '../../../../src/contract/endpoints.ts';
import type {
  ImportCommitResponse,
  ImportPreviewItem,
  OnExisting,
} from '../../../../src/contract/imports.ts';
import { call } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { useOrgs, useProfiles } from '../../api/queries.ts';
import { useT } from '../../app/i18n.tsx';
import { AuditPanel } from '../editor/audit-panel.tsx';
import { FormSheet } from '../editor/form-sheet.tsx';
import { focusField } from '../editor/keyboard.ts';
import { TotalsBar } from '../editor/totals-bar.tsx';
import { useFormEditor } from '../editor/use-form-editor.ts';
import { useLiveEvaluation } from '../editor/use-live-evaluation.ts';
import { lowConfidenceMarks } from './import-marks.ts';
import { type SourceFile, SourceView } from './source-view.tsx';

/** Step 2: the parsed form beside its source; unsure cells marked; fix, then save. */
export function ReviewStep(props: {
  file: SourceFile;
  item: ImportPreviewItem;
  onSaved: (r: ImportCommitResponse) => void;
  onBack: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const orgs = useOrgs();
  const profiles = useProfiles();
  const units = (orgs.data?.items ?? []).filter((o) => o.kind === 'unit');
  const suggested = props.item.suggestedOrgId ?? props.item.existing?.orgId ?? undefined;
  const [orgId, setOrgId] = useState<string | undefined>(suggested);
  const org = orgs.data?.items.find((o) => o.id === orgId);
  // the unit's rules profile; else the one the recognised template family names
  const editor = useFormEditor({
    form: props.item.form,
    revision: 0,
    profileId: org?.profileId ?? props.item.template?.profile ?? 'national',
  });
  const live = useLiveEvaluation(editor.state.form, editor.state.profileId);
  // the unit's rule profile, once the org tree has loaded, unless the user picked one
  const pickedProfile = useRef(false);
  const { setProfile } = editor;
  useEffect(() => {
    if (!pickedProfile.current && org?.profileId) setProfile(org.profileId);
  }, [org?.profileId, setProfile]);
  const marks = useMemo(() => lowConfidenceMarks(props.item, t.importer.unsure), [props.item, t]);
  const [mode, setMode] = useState<OnExisting>(props.item.existing ? 'new-revision' : 'fail');
  const [showAudit, setShowAudit] = useState(false);
  const commit = useMutation({
    mutationFn: () =>
      call(endpoints.importCommit, {
        body: {
          form: editor.state.form,
          ...(orgId ? { orgId } : {}),
          onExisting: mode,
          fileName: props.file.name,
        },
      }),
    onSuccess: props.onSaved,
    onError: (e) => void message.error(errorMessage(e)),
  });
  return (
    <div className="import-review">
      <div className="import-savebar">
        <Space wrap>
          <Button onClick={props.onBack}>{t.importer.back}</Button>
          <span className="import-template">
            {props.item.template ? t.importer.template(props.item.template.name) : t.importer.templateUnknown}
          </span>
          <span className="muted">{t.importer.lowConfidence}</span>
        </Space>
        <Space wrap>
          <Select
            aria-label={t.editor.profile}
            value={editor.state.profileId}
            onChange={(v) => {
              pickedProfile.current = true;
              editor.setProfile(v);
            }}
            style={{ width: 180 }}
            options={(profiles.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${t.editor.profile}：${p.name}`,
            }))}
          />
          <Select
            aria-label={t.importer.unit}
            placeholder={t.importer.unit}
            value={orgId}
            onChange={setOrgId}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 240 }}
            options={units.map((o) => ({ value: o.id, label: o.name }))}
          />
          {props.item.existing && (
            <Radio.Group
              value={mode}
              onChange={(e) => setMode(e.target.value as OnExisting)}
              options={[
                { value: 'new-revision', label: t.importer.saveAsRevision },
                { value: 'fail', label: t.importer.saveAsNew },
              ]}
            />
          )}
          <Button
            type="primary"
            loading={commit.isPending}
            onClick={() => commit.mutate()}
            className="import-save"
          >
            {t.importer.save}
          </Button>
        </Space>
      </div>
      {props.item.existing && (
        <p className="existing-note">{t.importer.existing(props.item.existing.revision)}</p>
      )}
      <Splitter className="import-split">
        <Splitter.Panel defaultSize="34%" min="20%" max="60%" className="import-source">
          <SourceView file={props.file} item={props.item} form={editor.state.form} />
        </Splitter.Panel>
        <Splitter.Panel className="import-parsed">
          <TotalsBar evaluation={live.evaluation} onShowFindings={() => setShowAudit((v) => !v)} />
          {showAudit && (
            <div className="import-audit">
              <AuditPanel evaluation={live.evaluation} form={editor.state.form} onJump={focusField} />
            </div>
          )}
          <div className="sheet-paper">
            <FormSheet
              form={editor.state.form}
              evaluation={live.evaluation}
              readOnly={false}
              dispatch={editor.dispatch}
              lowConfidence={marks}
            />
          </div>
        </Splitter.Panel>
      </Splitter>
    </div>
  );
}

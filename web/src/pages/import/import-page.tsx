import { InboxOutlined } from '@ant-design/icons';
import { App, Button, Result, Segmented, Spin, Steps, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { endpoints } from '../../../../src/contract/endpoints.ts';
import type { ImportCommitResponse, ImportPreviewResponse } from '../../../../src/contract/imports.ts';
import { call } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { useT } from '../../app/i18n.tsx';
import { ACCEPT, sourceKind } from './import-marks.ts';
import { ReviewStep } from './review-step.tsx';
import type { SourceFile } from './source-view.tsx';

type Loaded = { file: SourceFile; preview: ImportPreviewResponse };

/** Import wizard: drop a file → check the parsed form beside the source → save. */
export default function ImportPage() {
  const t = useT();
  const { message } = App.useApp();
  const [reading, setReading] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [index, setIndex] = useState(0);
  const [saved, setSaved] = useState<ImportCommitResponse | null>(null);
  useEffect(() => () => void (loaded?.file.url && URL.revokeObjectURL(loaded.file.url)), [loaded]);

  const read = async (file: File) => {
    setReading(file.name);
    try {
      const body = new FormData();
      body.set('file', file, file.name);
      const preview = await call(endpoints.importPreview, { body });
      const kind = sourceKind(file.name);
      setLoaded({
        preview,
        file: {
          name: file.name,
          kind,
          text: kind === 'text' ? await file.text() : null,
          url: kind === 'pdf' ? URL.createObjectURL(file) : null,
        },
      });
      setIndex(0);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setReading(null);
    }
  };

  const step = saved ? 2 : loaded ? 1 : 0;
  const item = loaded?.preview.items[index];
  return (
    <div className="page import-page">
      <div className="page-head">
        <h1 className="page-title">{t.importer.title}</h1>
        <Steps
          size="small"
          current={step}
          style={{ maxWidth: 520 }}
          items={[{ title: t.importer.step1 }, { title: t.importer.step2 }, { title: t.importer.step3 }]}
        />
      </div>
      {step === 0 && (
        <Spin spinning={reading !== null} description={reading ? t.importer.reading(reading) : undefined}>
          <Upload.Dragger
            className="import-drop"
            accept={ACCEPT}
            multiple={false}
            showUploadList={false}
            beforeUpload={(file) => {
              void read(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t.importer.drop}</p>
            <p className="ant-upload-hint">{t.importer.dropHint}</p>
          </Upload.Dragger>
        </Spin>
      )}
      {step === 1 && loaded && item && (
        <>
          {loaded.preview.items.length > 1 && (
            <Segmented
              value={index}
              onChange={(v) => setIndex(Number(v))}
              options={loaded.preview.items.map((it, i) => ({
                value: i,
                label: it.form.projectName || t.importer.sheetOf(i + 1, loaded.preview.items.length),
              }))}
              style={{ marginBottom: 8 }}
            />
          )}
          <ReviewStep
            key={index}
            file={loaded.file}
            item={item}
            onSaved={setSaved}
            onBack={() => setLoaded(null)}
          />
        </>
      )}
      {step === 2 && saved && (
        <Result
          status="success"
          title={t.importer.saved}
          subTitle={`${t.editor.revision(saved.revision)}`}
          extra={[
            <Link key="open" to={`/forms/${saved.formId}`}>
              <Button type="primary" className="open-imported">
                {t.importer.open}
              </Button>
            </Link>,
            <Button
              key="again"
              onClick={() => {
                setSaved(null);
                setLoaded(null);
              }}
            >
              {t.importer.again}
            </Button>,
          ]}
        />
      )}
    </div>
  );
}

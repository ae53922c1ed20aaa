'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from 'react';
import { loadBucketPolicy } from '@/app/(console)/bucket-policy/actions';
import { useScope } from '@/components/shell/scope-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ApplySection } from './apply-section';
import { callerOf } from './check-caller';
import { CheckPanel, type CheckSource, type CheckTarget } from './check-panel';
import { CodeOutput } from './code-output';
import { DiffView } from './diff-view';
import type { GenerateResult } from './form-outputs';
import {
  type ArchiveMemberOption,
  type GeneratorDefaults,
  type GeneratorState,
  initialState,
  type PrefillParams,
  stateToParams,
  withRegion,
} from './form-state';
import { GeneratorForm } from './generator-form';
import { type LoadState, MergePanel } from './merge-panel';
import { mergeView } from './merge-state';

/** A name S3 could hold (the form's schema says what is wrong with others); only these are looked up. */
const PLAUSIBLE_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** Typing a bucket name loads its policy once the typing pauses. */
const LOAD_DELAY_MS = 500;

/** The policy a bucket held when Logport last read it: Apply merges into exactly this. */
type Loaded = { bucket: string; region: string; text: string | null };

const card = 'rounded-lg border border-slate-200 bg-white p-4 sm:p-5 dark:border-slate-700 dark:bg-slate-900';

export function PolicyGenerator({
  prefill,
  defaults,
  regions,
  canApply,
  memberOptions,
}: {
  prefill: PrefillParams;
  defaults: GeneratorDefaults;
  regions: string[];
  canApply: boolean;
  /** Logport's accounts with their ids and exporting roles: the central archive's members to choose from. */
  memberOptions: ArchiveMemberOption[];
}) {
  const t = useTranslations('policy');
  const tErr = useTranslations('errors');
  const [state, setState] = useState<GeneratorState>(() => initialState(prefill, defaults));
  const [existing, setExisting] = useState('');
  // The text as loaded from the bucket: Apply sends it as the base the merge started from.
  const [load, setLoad] = useState<LoadState>({ status: 'idle' });
  const [bucketRegion, setBucketRegion] = useState<{ bucket: string; region: string } | null>(null);
  const [loading, startLoad] = useTransition();
  const [checkSource, setCheckSource] = useState<CheckSource>('result');
  const [checkOwn, setCheckOwn] = useState<CheckTarget | null>(null);

  // The generator (with the zod schema) arrives right after the first paint, outside first-load JS.
  const [generate, setGenerate] = useState<((s: GeneratorState) => GenerateResult) | null>(null);
  useEffect(() => {
    let live = true;
    void import('./form-outputs').then((m) => {
      if (live) setGenerate(() => m.generateOutputs);
    });
    return () => {
      live = false;
    };
  }, []);
  const generated = useMemo(() => (generate ? generate(state) : null), [generate, state]);
  const outputs = generated?.ok ? generated.outputs : null;
  const view = useMemo(() => (outputs ? mergeView(existing, outputs.policy) : null), [existing, outputs]);
  const existingView = useMemo(
    () => (existing.trim() === '' ? null : mergeView(existing, { Statement: [] })),
    [existing],
  );

  // Inputs live in the URL so the page can be shared or reloaded (replaceState: no history entry per key);
  // the page's account stays in it, so a shared link opens on the same account.
  const { account: scopeAccount } = useScope();
  useEffect(() => {
    const query = stateToParams(state, scopeAccount).toString();
    const url = `${window.location.pathname}${query ? `?${query}` : ''}`;
    if (url !== `${window.location.pathname}${window.location.search}`)
      window.history.replaceState(null, '', url);
  }, [state, scopeAccount]);

  const checkTarget: CheckTarget = checkOwn ?? {
    region: state.region,
    bucket: state.bucket.trim(),
    prefix: state.prefix,
    ...callerOf(state),
  };

  // What the bucket holds (admins): read when the bucket is chosen, so the merge, its diff and Apply start from
  // it instead of "no policy yet" followed by a refusal. Answers for a bucket no longer chosen are dropped.
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const wanted = useRef('');
  // The latest values for callbacks that outlive a render (a load's answer, the delayed load).
  const stateRef = useRef(state);
  stateRef.current = state;
  const tErrRef = useRef(tErr);
  tErrRef.current = tErr;
  const existingRef = useRef(existing);
  existingRef.current = existing;
  const target = { bucket: state.bucket.trim(), region: state.region };
  const targetKey = `${target.bucket}\n${target.region}`;

  // S3 is read as the page's account (named in the input, not left to the cookie another tab may change).
  const { account } = useScope();
  const accountRef = useRef(account);
  accountRef.current = account;
  const onLoad = useCallback((bucket: string, region: string, replace = true) => {
    const key = `${bucket}\n${region}`;
    wanted.current = key;
    setLoad({ status: 'loading' });
    startLoad(async () => {
      try {
        const res = await loadBucketPolicy({ account: accountRef.current, bucket, region });
        if (wanted.current !== key) return;
        if (!res.ok) {
          setLoad({ status: 'error', message: tErrRef.current(res.error, { bucket, ...res.params }) });
          return;
        }
        // A load the admin did not ask for never overwrites what they typed or pasted meanwhile.
        if (replace || existingRef.current.trim() === '') setExisting(res.data.policy ?? '');
        setLoaded({ bucket, region, text: res.data.policy });
        setLoad({ status: 'loaded', bucket, hadPolicy: res.data.policy !== null });
        if (res.data.encryption === 'aws:kms' || res.data.encryption === 'aws:kms:dsse')
          setState((s) => ({ ...s, kms: true }));
        if (res.data.bucketRegion) {
          setBucketRegion({ bucket, region: res.data.bucketRegion });
          // Check against where the bucket really is: a policy for another Region shows up at once.
          if (res.data.bucketRegion !== region) {
            setCheckOwn((own) => ({
              region: res.data.bucketRegion ?? region,
              bucket,
              prefix: own?.prefix ?? stateRef.current.prefix,
              accountId: own?.accountId ?? callerOf(stateRef.current).accountId,
              caller: own?.caller ?? callerOf(stateRef.current).caller,
            }));
          }
        }
      } catch {
        if (wanted.current === key) setLoad({ status: 'error', message: tErrRef.current('internal') });
      }
    });
  }, []);
  // A new bucket or Region: what was read for the old one no longer applies; read the new one after a pause.
  const loadedRef = useRef(loaded);
  loadedRef.current = loaded;
  useEffect(() => {
    if (!canApply) return;
    const [bucket = '', region = ''] = targetKey.split('\n');
    const prev = loadedRef.current;
    if (prev && (prev.bucket !== bucket || prev.region !== region)) {
      // Keep what the admin typed or pasted; drop only what Logport read from the other bucket.
      if (existingRef.current === (prev.text ?? '')) setExisting('');
      setLoaded(null);
    }
    wanted.current = targetKey;
    setLoad({ status: 'idle' });
    if (!PLAUSIBLE_BUCKET.test(bucket)) return;
    const timer = setTimeout(() => onLoad(bucket, region, false), LOAD_DELAY_MS);
    return () => clearTimeout(timer);
  }, [canApply, targetKey, onLoad]);

  const current =
    loaded && loaded.bucket === target.bucket && loaded.region === target.region ? loaded : null;
  // The text above is no longer what the bucket holds (edited after loading): Apply would not merge into it.
  const edited = current !== null && existing !== (current.text ?? '');

  const policyText = view && view.kind !== 'invalid' ? view.text : null;
  const wrongRegion =
    bucketRegion && bucketRegion.bucket === state.bucket.trim() && bucketRegion.region !== state.region
      ? bucketRegion.region
      : null;
  const applyDisabled = !outputs
    ? t('apply.fixForm')
    : view?.kind === 'invalid'
      ? t('apply.fixExisting')
      : load.status === 'error'
        ? t('apply.needsCurrent', { bucket: target.bucket })
        : !current
          ? t('apply.loadingCurrent', { bucket: target.bucket })
          : edited
            ? t('apply.edited', { bucket: target.bucket })
            : null;

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
      <div className="space-y-6">
        <div className={card}>
          <h2 className="mb-4 text-lg font-semibold">{t('form.title')}</h2>
          <GeneratorForm
            state={state}
            onChange={setState}
            fieldErrors={generated && !generated.ok ? generated.fieldErrors : {}}
            regions={regions}
            memberOptions={memberOptions}
          />
        </div>
        <div className={card}>
          <MergePanel
            text={existing}
            onText={(text) => {
              setExisting(text);
              if (load.status !== 'loading') setLoad({ status: 'idle' });
            }}
            view={
              existing.trim() === ''
                ? null
                : (view ?? (existingView?.kind === 'invalid' ? existingView : null))
            }
            canLoad={canApply}
            onLoad={() => onLoad(target.bucket, target.region)}
            load={loading ? { status: 'loading' } : load}
            loadDisabled={state.bucket.trim() === ''}
          />
        </div>
      </div>

      <div className="min-w-0 space-y-6">
        {wrongRegion ? (
          <Alert tone="warning" title={t('wrongRegion.title')}>
            <p>
              {t('wrongRegion.body', {
                bucket: state.bucket.trim(),
                bucketRegion: wrongRegion,
                region: state.region,
              })}
            </p>
            <Button
              variant="secondary"
              size="sm"
              className="mt-2"
              onClick={() => {
                setState((s) => withRegion(s, wrongRegion));
                setCheckOwn(null);
              }}
            >
              {t('wrongRegion.fix', { bucketRegion: wrongRegion })}
            </Button>
          </Alert>
        ) : null}
        <div className={`${card} space-y-6`}>
          <h2 className="text-lg font-semibold">{t('output.title')}</h2>
          {!outputs ? (
            <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
              {t('output.incomplete')}
            </p>
          ) : (
            <>
              {view?.kind === 'invalid' ? (
                <Alert tone="danger">{t('output.existingInvalid')}</Alert>
              ) : policyText !== null ? (
                <CodeOutput
                  id="bucket-policy-output"
                  title={t('output.bucketPolicy')}
                  description={t(
                    view?.kind === 'merged' ? 'output.bucketPolicyMerged' : 'output.bucketPolicyHint',
                  )}
                  text={policyText}
                  kind="bucket-policy"
                  bucket={outputs.input.bucket}
                />
              ) : null}
              {view?.kind === 'merged' ? (
                <section aria-labelledby="merge-diff-title" className="space-y-2">
                  <h3 id="merge-diff-title" className="text-base font-semibold">
                    {t('diff.title')}
                  </h3>
                  <DiffView diff={view.diff} id="merge-diff" />
                </section>
              ) : null}
              <CodeOutput
                id="command-output"
                title={t('output.command')}
                description={t('output.commandHint')}
                text={outputs.command}
                kind="command"
                bucket={outputs.input.bucket}
              />
              {outputs.iamPolicyText ? (
                <CodeOutput
                  id="iam-policy-output"
                  title={t('output.iamPolicy')}
                  description={
                    state.scenario === 'central-archive'
                      ? t('output.iamPolicyHintMembers')
                      : t('output.iamPolicyHint', {
                          kind: state.scenario === 'cross-account-user' ? 'user' : 'role',
                          name: outputs.input.exporterName ?? '',
                        })
                  }
                  text={outputs.iamPolicyText}
                  kind="iam-policy"
                  bucket={outputs.input.bucket}
                />
              ) : null}
              {state.kms ? (
                <CodeOutput
                  id="kms-output"
                  title={t('output.kms')}
                  description={t('output.kmsHint')}
                  text={outputs.kmsText}
                  kind="kms-statements"
                  bucket={outputs.input.bucket}
                />
              ) : null}
            </>
          )}
        </div>

        <div className={card}>
          <CheckPanel
            policies={{
              result: view && view.kind !== 'invalid' ? view.policy : null,
              existing: existingView?.kind === 'merged' ? existingView.existing : null,
              existingGiven: existing.trim() !== '',
            }}
            source={checkSource}
            onSource={setCheckSource}
            target={checkTarget}
            linked={checkOwn === null}
            onTarget={setCheckOwn}
            onRelink={() => setCheckOwn(null)}
            regions={regions}
          />
        </div>

        {canApply && outputs ? (
          <div className={card}>
            <ApplySection
              showAccount={memberOptions.length > 1}
              bucket={outputs.input.bucket}
              region={outputs.input.region}
              policyText={policyText ?? ''}
              basedOn={current?.text ?? null}
              diff={view && view.kind !== 'invalid' ? view.diff : []}
              changed={view?.kind === 'fresh' || (view?.kind === 'merged' && view.changed)}
              disabledReason={applyDisabled}
              onApplied={(policy) => {
                setExisting(policy);
                setLoaded({ ...target, text: policy });
                setLoad({ status: 'idle' });
              }}
              onLoad={() => onLoad(target.bucket, target.region)}
            />
          </div>
        ) : null}
      </div>
    </div>
  );
}

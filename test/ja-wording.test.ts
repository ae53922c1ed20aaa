import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The words a Japanese AWS user expects (issue 15), held in place: the AWS console's vocabulary, one verb for
// launching an export, full-width brackets, and no quotes around role names.

const dir = path.resolve('messages/ja');

function texts(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') out.set(key, value);
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, `${key}.${k}`);
  };
  for (const file of readdirSync(dir)) {
    walk(JSON.parse(readFileSync(path.join(dir, file), 'utf8')), file.replace(/\.json$/, ''));
  }
  return out;
}

const all = texts();
const get = (key: string) => all.get(key) ?? '';

describe('Japanese wording', () => {
  it('uses the console words: 完了日時, 日時, エクスポート先, 失効しない, UTC を使用', () => {
    expect(get('exports.columns.finished')).toBe('完了日時');
    expect(get('exports.detail.timings')).toBe('日時');
    expect(get('wizard.source.retentionNever')).toContain('失効しない');
    expect(get('wizard.range.useUtc')).toBe('UTC を使用');
    expect(get('policy.form.confusedDeputy')).toMatch(/^「混乱した代理」問題を防ぐ条件を追加する/);
    for (const [key, text] of all) {
      expect(text, key).not.toMatch(/タイミング|送信先|無期限/);
    }
  });

  it('launches with one verb, エクスポートを開始, everywhere', () => {
    expect(get('wizard.launch.launch')).toBe('エクスポートを開始');
    for (const [key, text] of all) {
      expect(text.replaceAll('再起動', ''), key).not.toMatch(/起動|エクスポートを実行|確認と実行|実行前/);
    }
  });

  it('writes brackets full-width and never quotes a role name', () => {
    expect(get('common.optional')).toBe('（任意）');
    expect(get('policy.form.optional')).toBe('（任意）');
    for (const [key, text] of all) {
      expect(text, key).not.toMatch(/\(任意\)/);
      expect(text, key).not.toMatch(/[「"'“]\s*(閲覧者|オペレーター|管理者|viewer|operator|admin)\s*[」"'”]/);
      expect(text, key).not.toMatch(/\(\{role\}\)|\(\{needed\}\)/);
    }
  });
});

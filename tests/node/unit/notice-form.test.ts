// 发布通知 / 编辑通知 as plain data (core/notice/form): what the form sends, the one problem it shows,
// what an edit changes, and the editor's text ↔ HTML.
import { noticeContract, type NoticeView } from '@core/notice/contract';
import { blankNoticeForm, feeRowsOf, htmlToText, noticeEdits, noticeFormOf, noticeInputOf, publishBody, textToHtml, withCategory, type NoticeForm } from '@core/notice/form';

const now = new Date('2026-12-01T02:00:00.000Z'); // 10:00 in Beijing
const filled = (over: Partial<NoticeForm> = {}): NoticeForm => ({ ...blankNoticeForm('outage'), title: '停水通知', body: '明天 **9:00** 停水', ...over });

const stored: NoticeView = {
  noticeId: 'n1', category: 'disclosure', title: '物业费收支公示', content: '<p>上半年收支如下</p>', images: [], attachments: [],
  feeTable: [{ item: '电梯维保', amount: 1200.5, period: '2026年1-6月' }], pinned: true, important: false,
  audience: { kind: 'buildings', buildingIds: ['b2', 'b1'] }, publishedAt: '2026-11-30T02:00:00.000Z', publisherName: '物业服务中心',
  state: 'published', readCount: 3, canManage: true, version: 1, editedAt: null, history: [], historyPublic: true,
};

describe('a new notice', () => {
  it('starts blank; a 物业公示 starts with one fee line, and choosing it later adds one', () => {
    expect(blankNoticeForm(null)).toMatchObject({ category: null, audience: 'compound', fees: [], publishAt: '' });
    expect(blankNoticeForm('disclosure').fees).toEqual([{ item: '', amount: '', period: '' }]);
    expect(withCategory(blankNoticeForm('outage'), 'disclosure').fees).toHaveLength(1);
    expect(withCategory(blankNoticeForm('disclosure'), 'other').fees).toHaveLength(1);
  });

  it('sends the contract’s publish input, with empty lists left out', () => {
    const data = noticeInputOf(filled({ audience: 'buildings', buildingIds: ['b2', 'b1'] }), true, now);
    expect(data).toEqual({
      category: 'outage', title: '停水通知', content: '<p>明天 <strong>9:00</strong> 停水</p>', audience: { kind: 'buildings', buildingIds: ['b1', 'b2'] },
      pinned: false, important: false, images: [], attachments: [], feeTable: [],
    });
    if ('message' in data) throw new Error(data.message);
    const body = publishBody(data);
    expect(body).not.toHaveProperty('images');
    expect(body).not.toHaveProperty('feeTable');
    expect(noticeContract.publish.input.safeParse(body).success).toBe(true);
  });

  it('names the one problem and its field', () => {
    expect(noticeInputOf(blankNoticeForm(null), true, now)).toEqual({ message: '请选择通知类别', field: 'category' });
    expect(noticeInputOf(filled({ audience: 'buildings' }), true, now)).toEqual({ message: '请选择通知的楼栋', field: 'audience' });
    expect(noticeInputOf(filled({ publishAt: '明天早上' }), true, now)).toMatchObject({ field: 'publishAt', message: '定时发布时间格式不正确' });
    expect(noticeInputOf(filled({ publishAt: '2026-12-01 09:59' }), true, now)).toMatchObject({ field: 'publishAt', message: '定时发布的时间已经过了，请重新选择，或改为立即发布' });
    // an edit keeps a time that has passed (the server decides what may still move)
    expect(noticeInputOf(filled({ publishAt: '2026-12-01 09:59' }), false, now)).toMatchObject({ publishAt: '2026-12-01T09:59:00+08:00' });
    expect(noticeInputOf(filled({ publishAt: '2026-12-02 08:00' }), true, now)).toMatchObject({ publishAt: '2026-12-02T08:00:00+08:00' });
  });
});

describe('费用明细', () => {
  it('reads amounts with separators, leaves blank lines out and names an incomplete or wrong line', () => {
    expect(feeRowsOf([{ item: '电梯维保', amount: '1,234.50', period: '1-6月' }, { item: '', amount: '', period: '' }, { item: '公共收益', amount: '-20', period: '1-6月' }])).toEqual([
      { item: '电梯维保', amount: 1234.5, period: '1-6月' },
      { item: '公共收益', amount: -20, period: '1-6月' },
    ]);
    expect(feeRowsOf([{ item: '绿化', amount: '', period: '1-6月' }])).toBe('费用第 1 行请填写完整（项目、金额、期间）');
    expect(feeRowsOf([{ item: '', amount: '', period: '' }, { item: '绿化', amount: '12.345', period: '1-6月' }])).toBe('费用第 2 行的金额请填写数字，最多两位小数，如 1234.50');
    expect(noticeInputOf(filled({ category: 'disclosure', fees: [{ item: '绿化', amount: 'abc', period: '1-6月' }] }), true, now)).toMatchObject({ field: 'feeTable' });
  });
});

describe('an edit', () => {
  it('opens a stored notice as its form', () => {
    expect(noticeFormOf(stored, now)).toMatchObject({
      category: 'disclosure', body: '上半年收支如下', audience: 'buildings', buildingIds: ['b2', 'b1'], pinned: true, publishAt: '',
      fees: [{ item: '电梯维保', amount: '1200.5', period: '2026年1-6月' }],
    });
    expect(noticeFormOf({ ...stored, publishedAt: '2026-12-03T00:00:00.000Z' }, now).publishAt).toBe('2026-12-03 08:00');
  });

  it('sends only what changed; unchanged text is not resent as HTML', () => {
    const before = noticeFormOf(stored, now);
    const after = { ...before, title: '物业费收支公示（更正）', fees: [{ ...before.fees[0], amount: '1300' }] };
    const data = noticeInputOf(after, false, now);
    if ('message' in data) throw new Error(data.message);
    expect(noticeEdits(before, after, data, now)).toEqual({ title: '物业费收支公示（更正）', feeTable: [{ item: '电梯维保', amount: 1300, period: '2026年1-6月' }] });
    const same = noticeInputOf(before, false, now);
    if ('message' in same) throw new Error(same.message);
    expect(noticeEdits(before, before, same, now)).toEqual({});
  });

  it('a scheduled notice switched to 立即发布 is published now', () => {
    const before = filled({ publishAt: '2026-12-03 08:00' });
    const after = { ...before, publishAt: '' };
    const data = noticeInputOf(after, false, now);
    if ('message' in data) throw new Error(data.message);
    expect(noticeEdits(before, after, data, now)).toEqual({ publishAt: now.toISOString() });
  });
});

describe('the editor’s text ↔ HTML', () => {
  it('makes paragraphs and bold, escapes the rest, and reads back what it wrote', () => {
    const text = '停水通知\n\n**时间**：周六 <8:00> & "早上"';
    const html = textToHtml(text);
    expect(html).toBe('<p>停水通知</p><p><strong>时间</strong>：周六 &lt;8:00&gt; &amp; &quot;早上&quot;</p>');
    expect(htmlToText(html)).toBe('停水通知\n**时间**：周六 <8:00> & "早上"');
  });
});

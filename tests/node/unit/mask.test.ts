import { maskName, maskPhone } from '@core/mask';

describe('masking personal data on public boards', () => {
  it('masks phones as 138****1234', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone('')).toBeNull();
    expect(maskPhone('12345')).toBe('***45');
  });

  it('keeps only the surname of a name', () => {
    expect(maskName('王建国')).toBe('王**');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('李')).toBe('李*');
    expect(maskName('  张三 ')).toBe('张*');
    expect(maskName(undefined)).toBe('匿名');
  });
});

// The privacy guide text (用户隐私保护指引). Plain words; the lawyerly version lives in the WeChat console.
import { Text, View } from '@tarojs/components'

const SECTIONS: Array<[string, string]> = [
  ['我们收集哪些信息', '微信身份标识（OpenID）、您填写的称呼和手机号、您申请认证的房屋（楼栋、单元、房号），以及您在小区事务中提交的内容（反映、报名、评论、表决）。'],
  ['用来做什么', '核实您是本小区住户，让楼栋长、网格员、物业和业委会处理您的事务，并按法律规定统计表决结果。我们不做广告，不向第三方出售任何信息。'],
  ['谁能看到', '公开展示时，您的姓名和手机号会被遮挡（如 王** 、138****1234）。完整手机号只给需要联系您的人：审核房屋认证的楼栋长/网格员；处理您反映的网格员、物业、业委会和党支部；认领您求助任务的志愿者（仅在任务进行中）；活动的组织者（业委会、党支部）可看到报名者的手机号，取消报名后即遮挡。其他人看到的都是遮挡后的号码。'],
  ['单独同意的信息', '党员身份（政治面貌）和在公开榜单上显示真实姓名，都需要您单独同意，不同意不影响使用其他功能，并可随时撤回。'],
  ['保存多久', '账号存续期间保存；表决记录按法律要求保存至少一年以备复核；注销后删除或匿名化您的个人信息，只保留不能识别您的统计数字。'],
  ['您的权利', '您可以在「我的 → 隐私与个人数据」中查看和导出我们保存的全部个人信息、撤回授权、注销账号。'],
]

export function PrivacyGuide() {
  return (
    <View className='ll-prose js-privacy-guide'>
      {SECTIONS.map(([h, body]) => (
        <View key={h}>
          <Text className='ll-prose__h'>{h}</Text>
          <Text className='ll-block'>{body}</Text>
        </View>
      ))}
    </View>
  )
}

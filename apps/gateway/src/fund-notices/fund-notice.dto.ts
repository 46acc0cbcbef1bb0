import { IdField, JsonObjectField, MoneyField, TextField } from '../common/dto';

export class IssueFundNoticeDto {
  @JsonObjectField('资金通知', '追加资金通知：文号、资金名称、来源、金额、上级绩效目标表、可申请单位等')
  notice!: Record<string, unknown>;
}

export class ApplyForFundsDto {
  @IdField('申请编号', '申请编号；不填则由系统生成', true)
  applicationId?: string;

  @IdField('项目编码', '申请资金的项目（须为本单位项目，并已有绩效目标表）')
  projectId!: string;

  @MoneyField('申请金额', '申请金额（元，最多两位小数）')
  amount!: number;

  @TextField('资金用途', '资金用途', 2000)
  purpose!: string;
}

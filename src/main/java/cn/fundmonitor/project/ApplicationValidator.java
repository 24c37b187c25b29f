package cn.fundmonitor.project;

import static cn.fundmonitor.common.Inputs.*;

import java.util.ArrayList;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Server-side validation of an application: the same rules the form enforces, and more, because a
 * form can be bypassed. Policy questions (is the direction in scope, are the targets enough) are the
 * DMN's; this class only refuses what cannot be stored or understood.
 */
public final class ApplicationValidator {

  public static final int MAX_NAME = 100;
  public static final int MAX_DESCRIPTION = 2000;
  static final String NO_TARGETS =
      "未填写绩效目标：每个项目至少要有一条绩效指标，无目标不得入库（资阳 目标前置；MNR 第十条）";
  private static final Pattern DIVISION_CODE = Pattern.compile("\\d{6}");

  private ApplicationValidator() {}

  /**
   * @param defaultRegion the applicant's own division, used when no region is given
   * @param regionExists whether a division code is known
   */
  public static ProjectApplication validate(RawApplication raw, String defaultRegion,
      Predicate<String> regionExists) {
    var problems = new ArrayList<String>();

    var name = requiredText(raw.name(), "项目名称", MAX_NAME, problems);
    var region = text(raw.regionCode());
    if (region == null) {
      region = defaultRegion;
    } else if (!DIVISION_CODE.matcher(region).matches()) {
      problems.add("项目所在地行政区划代码应为6位数字，收到“" + shorten(region) + "”");
    } else if (!regionExists.test(region)) {
      problems.add("未知的行政区划代码：" + region);
    }
    var direction = required(raw.direction(), "申报方向", Direction::parse, problems);
    var fundClass = required(raw.fundClass(), "资金类型", FundClass::parse, problems);
    var amount = amount(raw.requestedAmount(), "申报金额", problems);
    var description = optionalText(raw.description(), "项目简介", MAX_DESCRIPTION, problems);
    var indicators = IndicatorRows.parse(raw.indicators(), NO_TARGETS, problems);

    if (!problems.isEmpty()) {
      throw new InvalidApplicationException(problems);
    }
    return new ProjectApplication(name, region, direction, fundClass, amount, description,
        indicators);
  }
}

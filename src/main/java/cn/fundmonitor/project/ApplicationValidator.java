package cn.fundmonitor.project;

import static cn.fundmonitor.common.Inputs.*;

import cn.fundmonitor.common.Problems;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Server-side validation of an application: the same rules the form enforces, and more, because a
 * form can be bypassed. Policy questions (is the direction in scope, are the targets enough) are the
 * DMN's; this class only refuses what cannot be stored or understood. Each problem names the
 * application form's field it is about ({@code projectName}, {@code indicators/0/target} …).
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
    var problems = new Problems();

    var name = requiredText(raw.name(), "项目名称", MAX_NAME, problems.at("projectName"));
    var region = text(raw.regionCode());
    if (region == null) {
      region = defaultRegion;
    } else if (!DIVISION_CODE.matcher(region).matches()) {
      problems.add("regionCode", "项目所在地行政区划代码应为6位数字，收到“" + shorten(region) + "”");
    } else if (!regionExists.test(region)) {
      problems.add("regionCode", "未知的行政区划代码：" + region);
    }
    var direction = required(raw.direction(), "申报方向", Direction::parse, problems.at("direction"));
    var fundClass = required(raw.fundClass(), "资金类型", FundClass::parse, problems.at("fundClass"));
    var amount = amount(raw.requestedAmount(), "申报金额", problems.at("requestedAmount"));
    var description = optionalText(raw.description(), "项目简介", MAX_DESCRIPTION,
        problems.at("projectDescription"));
    var indicators = IndicatorRows.parse(raw.indicators(), NO_TARGETS, problems, "indicators");

    if (!problems.isEmpty()) {
      throw new InvalidApplicationException(problems);
    }
    return new ProjectApplication(name, region, direction, fundClass, amount, description,
        indicators);
  }
}

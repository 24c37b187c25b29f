package cn.fundmonitor.allocation;

import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.divisions.DivisionChangeKind;
import cn.fundmonitor.divisions.DivisionChanged;
import cn.fundmonitor.divisions.DivisionChanging;
import java.util.EnumSet;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A renamed or merged county's filings still open (refinement and 报备 not yet acknowledged)
 * continue under the new code; acknowledged ones stay as filed (MNR 第十七条).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AllocationDivisionMoves {

  /** Every status but the acknowledged one: a new status counts as open until decided otherwise. */
  static final EnumSet<PartStatus> OPEN = EnumSet.complementOf(EnumSet.of(PartStatus.ACKNOWLEDGED));

  private final JdbcClient jdbc;

  /** Two open filings of the same document cannot become one: their targets were decomposed apart. */
  @EventListener
  void check(DivisionChanging change) {
    if (change.kind() != DivisionChangeKind.MERGE) {
      return;
    }
    var shared = openDocuments(change.fromCode()).stream()
        .filter(doc -> jdbc.sql("select count(*) from fm_allocation_part "
            + "where document_no = ? and recipient_code = ?").params(doc, change.toCode())
            .query(Integer.class).single() > 0)
        .toList();
    if (!shared.isEmpty()) {
      throw new ConflictException("资金下达文件 " + String.join("、", shared) + " 同时下达给"
          + change.fromName() + "和" + change.toName() + "，" + change.fromName()
          + "的细化报备尚未办结；请先办结（上级确认）后再办理合并");
    }
  }

  @EventListener
  @Order(20)
  void handle(DivisionChanged change) {
    var from = change.fromCode();
    var to = change.toCode();
    for (var doc : openDocuments(from)) {
      jdbc.sql("update fm_allocation_part set recipient_code = ? where document_no = ? and recipient_code = ?")
          .params(to, doc, from).update();
      jdbc.sql("update fm_allocation_line set recipient_code = ? where document_no = ? and recipient_code = ?")
          .params(to, doc, from).update();
      jdbc.sql("update fm_decomposed_target set unit_code = ? where document_no = ? and unit_code = ?")
          .params(to, doc, from).update();
      jdbc.sql("update fm_decomposed_target set recipient_code = ? where document_no = ? and recipient_code = ?")
          .params(to, doc, from).update();
      change.moved(DivisionChanged.Tally.ALLOCATIONS, "ALLOCATION", doc, from, to);
    }
  }

  private List<String> openDocuments(String code) {
    return jdbc.sql("select document_no from fm_allocation_part where recipient_code = ? "
            + "and status in (" + DivisionChanged.inList(OPEN) + ") order by document_no")
        .param(code).query(String.class).list();
  }
}

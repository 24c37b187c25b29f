package cn.fundmonitor.allocation;

import java.util.List;

/**
 * Money reached these projects: issued to them, or a recipient refined it onto them (GX 第二十二条:
 * a project's life after the money is followed from its first money on). Published synchronously
 * inside the step that recorded the money; lifecycle/ starts its process in its own handler, so
 * allocation/ needs no door of lifecycle's and lifecycle/ may read allocation's front door
 * ({@link AllocationReads}) without a ring between the two.
 */
public record ProjectsFunded(List<String> projectCodes) {

  public ProjectsFunded {
    projectCodes = List.copyOf(projectCodes);
  }
}

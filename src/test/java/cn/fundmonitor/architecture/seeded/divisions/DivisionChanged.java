package cn.fundmonitor.architecture.seeded.divisions;

/** The event other features may see. */
public class DivisionChanged {}

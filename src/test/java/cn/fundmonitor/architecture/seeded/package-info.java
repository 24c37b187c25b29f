/**
 * A seeded violation of every rule of {@code ModularArchitectureTest}, in a tree of its own: the
 * test shows on these classes that each rule fails, then checks the real code with the same rules.
 */
package cn.fundmonitor.architecture.seeded;

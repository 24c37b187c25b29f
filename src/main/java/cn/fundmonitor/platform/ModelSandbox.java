package cn.fundmonitor.platform;

import java.io.ByteArrayInputStream;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateListener;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * What a deployed model may do. Policy owners hold DEPLOYMENT CREATE so they can publish decision
 * tables; without this a deployed BPMN would run any expression against any Spring bean
 * ({@code ${identityService.createMembership(…)}}, {@code ${jdbcTemplate.update(…)}}) — i.e. code
 * as the engine.
 *
 * <ul>
 *   <li>Expressions in every model see only the delegates and listeners (by type) and the beans
 *       marked {@link ModelBean}: never the engine's services, JDBC, repositories or the context.
 *   <li>Whoever is not a Camunda administrator deploys decision tables only (.dmn), written in
 *       FEEL (no JUEL or script expression languages), and no XML with a DOCTYPE. The check runs
 *       in the engine's own deploy command, so REST, Modeler and the rules sheets all pass it.
 * </ul>
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ModelSandbox extends AbstractProcessEnginePlugin {

  static final String ADMIN_GROUP = "camunda-admin";

  private final ApplicationContext context;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var beans = new AllowedBeans(context);
    configuration.setBeans(beans);
    configuration.setExpressionManager(new SpringExpressionManager(context, beans));
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(new DeploymentGuard());
  }

  /** Whether models may name this bean: delegates, listeners, and beans marked {@link ModelBean}. */
  static boolean allowed(ApplicationContext context, String name) {
    if (!context.containsBean(name)) {
      return false;
    }
    var type = context.getType(name);
    return type != null && (JavaDelegate.class.isAssignableFrom(type)
        || TaskListener.class.isAssignableFrom(type)
        || ExecutionListener.class.isAssignableFrom(type)
        || DelegateListener.class.isAssignableFrom(type)
        || type.isAnnotationPresent(ModelBean.class));
  }

  /** The beans expressions may read, looked up lazily (the engine starts before some beans). */
  static final class AllowedBeans extends AbstractMap<Object, Object> {
    private final ApplicationContext context;

    AllowedBeans(ApplicationContext context) {
      this.context = context;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && allowed(context, name);
    }

    @Override
    public Object get(Object key) {
      return containsKey(key) ? context.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      var names = new HashSet<String>(Set.of(context.getBeanDefinitionNames()));
      return names.stream().filter(n -> allowed(context, n))
          .map(n -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(n,
              context.getBean(n)))
          .collect(Collectors.toSet());
    }
  }

  /** Refuses, inside the deploy command, what a non-administrator may not deploy. */
  static final class DeploymentGuard implements Deployer {

    @Override
    public void deploy(DeploymentEntity deployment) {
      if (!deployment.isNew()) {
        return; // the cache re-reading a deployment made earlier
      }
      var commandContext = Context.getCommandContext();
      var authentication = commandContext == null ? null
          : commandContext.getAuthentication();
      if (authentication == null || authentication.getUserId() == null) {
        return; // the application's own deployment at start-up
      }
      var groups = authentication.getGroupIds();
      if (groups != null && groups.contains(ADMIN_GROUP)) {
        return;
      }
      for (ResourceEntity resource : deployment.getResources().values()) {
        check(resource.getName(), resource.getBytes());
      }
    }

    static void check(String name, byte[] bytes) {
      var lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
      if (!lower.endsWith(".dmn") && !lower.endsWith(".dmn11.xml")) {
        throw new AuthorizationException("只有系统管理员可以部署流程模型、表单等资源；规则维护人只能部署决策表（.dmn）。"
            + "被拒绝的资源：" + name);
      }
      var languages = expressionLanguages(name, bytes);
      languages.removeIf(ModelSandbox::isFeel);
      if (!languages.isEmpty()) {
        throw new BadUserRequestException("决策表“" + name + "”使用了不允许的表达式语言 "
            + String.join("、", languages) + "：规则维护人部署的决策表只能使用 FEEL。");
      }
    }

    /** The expression languages a DMN names; a DOCTYPE or a malformed file is refused. */
    static Set<String> expressionLanguages(String name, byte[] bytes) {
      var factory = XMLInputFactory.newFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      var languages = new HashSet<String>();
      try {
        var reader = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
        while (reader.hasNext()) {
          var event = reader.next();
          if (event == XMLStreamConstants.DTD) {
            throw new BadUserRequestException("决策表“" + name + "”含有 DOCTYPE 声明，不予部署。");
          }
          if (event == XMLStreamConstants.START_ELEMENT) {
            for (int i = 0; i < reader.getAttributeCount(); i++) {
              var attribute = reader.getAttributeLocalName(i);
              if (attribute.equals("expressionLanguage")
                  || attribute.equals("typeLanguage")) {
                languages.add(reader.getAttributeValue(i).strip());
              }
            }
          }
        }
      } catch (XMLStreamException e) {
        throw new BadUserRequestException("决策表“" + name + "”不是有效的 XML，不予部署。");
      }
      return languages;
    }
  }

  /** FEEL by any of its names (feel, feel-scala, the OMG namespaces); JUEL and scripts are not. */
  static boolean isFeel(String language) {
    return language.toLowerCase(Locale.ROOT).contains("feel");
  }
}

package dev.jobsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobsdk.core.JobHandle;
import dev.jobsdk.deepcurrent.DeepCurrentClient;
import dev.jobsdk.deepidv.DeepIdvClient;
import dev.jobsdk.jobs.JobsClient;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SDK's public API is its own: no public or protected signature in a package an SDK module
 * exports names a Jackson type or carries a Jackson annotation, names one of the SDK's internal
 * types, or names an OkHttp type other than the one deliberate hook, {@code
 * ClientBuilder.okHttpClient(OkHttpClient)}. Users can then upgrade Jackson on their own schedule.
 */
class PublicApiTest {

  @ParameterizedTest
  @ValueSource(classes = {JobHandle.class, DeepCurrentClient.class, DeepIdvClient.class, JobsClient.class})
  void exportedSignatures_nameNoJacksonInternalOrOkHttpType(Class<?> anchor) throws Exception {
    List<String> violations = new ArrayList<>();
    List<Class<?>> types = exportedTypes(anchor);
    assertThat(types).as("public types of %s", anchor.getModule()).hasSizeGreaterThan(3);
    for (Class<?> type : types) {
      check(type, violations);
    }
    assertThat(violations).as("public signatures of " + moduleName(anchor)).isEmpty();
  }

  private static String moduleName(Class<?> anchor) throws Exception {
    return descriptor(anchor).name();
  }

  private static ModuleDescriptor descriptor(Class<?> anchor) throws URISyntaxException {
    return reference(anchor).descriptor();
  }

  private static ModuleReference reference(Class<?> anchor) throws URISyntaxException {
    Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    return ModuleFinder.of(location).findAll().iterator().next();
  }

  /** Every public class of the packages the module exports to everyone (not qualified exports). */
  private static List<Class<?>> exportedTypes(Class<?> anchor) throws Exception {
    ModuleReference ref = reference(anchor);
    Set<String> packages = new HashSet<>();
    for (ModuleDescriptor.Exports e : ref.descriptor().exports()) {
      if (!e.isQualified()) {
        packages.add(e.source());
      }
    }
    List<Class<?>> types = new ArrayList<>();
    try (ModuleReader reader = ref.open(); Stream<String> names = reader.list()) {
      for (String name : names.toList()) {
        if (!name.endsWith(".class") || name.endsWith("module-info.class")) {
          continue;
        }
        String className = name.substring(0, name.length() - 6).replace('/', '.');
        int dot = className.lastIndexOf('.');
        if (dot < 0 || !packages.contains(className.substring(0, dot))) {
          continue;
        }
        Class<?> c = Class.forName(className, false, anchor.getClassLoader());
        if (isVisible(c)) {
          types.add(c);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return types;
  }

  private static boolean isVisible(Class<?> c) {
    for (Class<?> t = c; t != null; t = t.getDeclaringClass()) {
      if (!Modifier.isPublic(t.getModifiers()) && !Modifier.isProtected(t.getModifiers())) {
        return false;
      }
    }
    return !c.isSynthetic() && !c.isAnonymousClass();
  }

  private static void check(Class<?> type, List<String> out) {
    String where = type.getName();
    annotations(type, where, out);
    type(type.getGenericSuperclass(), where + " extends", out);
    for (Type t : type.getGenericInterfaces()) {
      type(t, where + " implements", out);
    }
    for (TypeVariable<?> v : type.getTypeParameters()) {
      for (Type b : v.getBounds()) {
        type(b, where + " <" + v.getName() + ">", out);
      }
    }
    if (type.isRecord()) {
      for (RecordComponent rc : type.getRecordComponents()) {
        type(rc.getGenericType(), where + "." + rc.getName(), out);
        annotations(rc, where + "." + rc.getName(), out);
      }
    }
    for (Field f : type.getDeclaredFields()) {
      if (visible(f.getModifiers())) {
        type(f.getGenericType(), where + "." + f.getName(), out);
        annotations(f, where + "." + f.getName(), out);
      }
    }
    List<Executable> members = new ArrayList<>(List.of(type.getDeclaredMethods()));
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      members.add(c);
    }
    for (Executable m : members) {
      if (!visible(m.getModifiers()) || m.isSynthetic()) {
        continue;
      }
      String sig = where + "#" + m.getName();
      annotations(m, sig, out);
      if (m instanceof Method method) {
        type(method.getGenericReturnType(), sig + " returns", out);
      }
      for (Parameter p : m.getParameters()) {
        type(p.getParameterizedType(), sig + "(" + p.getName() + ")", out);
        annotations(p, sig + "(" + p.getName() + ")", out);
      }
      for (Type t : m.getGenericExceptionTypes()) {
        type(t, sig + " throws", out);
      }
      for (TypeVariable<?> v : m.getTypeParameters()) {
        for (Type b : v.getBounds()) {
          type(b, sig + " <" + v.getName() + ">", out);
        }
      }
    }
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void annotations(AnnotatedElement e, String where, List<String> out) {
    for (Annotation a : e.getAnnotations()) {
      if (a.annotationType().getName().startsWith("com.fasterxml.")) {
        out.add(where + " is annotated @" + a.annotationType().getName());
      }
    }
  }

  private static void type(Type t, String where, List<String> out) {
    if (t == null) {
      return;
    }
    if (t instanceof Class<?> c) {
      while (c.isArray()) {
        c = c.getComponentType();
      }
      String n = c.getName();
      if (n.startsWith("com.fasterxml.")) {
        out.add(where + " names Jackson's " + n);
      } else if (n.startsWith("dev.jobsdk.") && n.contains(".internal.")) {
        out.add(where + " names the internal " + n);
      } else if (n.startsWith("okhttp3.")
          && !(n.equals("okhttp3.OkHttpClient") && where.contains("ClientBuilder#okHttpClient"))) {
        out.add(where + " names OkHttp's " + n);
      }
    } else if (t instanceof ParameterizedType p) {
      type(p.getRawType(), where, out);
      for (Type a : p.getActualTypeArguments()) {
        type(a, where, out);
      }
    } else if (t instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        type(b, where, out);
      }
      for (Type b : w.getLowerBounds()) {
        type(b, where, out);
      }
    } else if (t instanceof GenericArrayType g) {
      type(g.getGenericComponentType(), where, out);
    }
  }
}

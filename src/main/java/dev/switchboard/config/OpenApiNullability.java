package dev.switchboard.config;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import org.springdoc.core.customizers.PropertyCustomizer;

/**
 * Says which properties of the response records may be {@code null}: every property of a
 * reference type (strings, numbers in boxes, nested objects), since the records render Java's
 * {@code null} as JSON {@code null}; never primitives, lists, sets or maps (the mappers give
 * empty ones), nor properties marked {@code @Schema(requiredMode = REQUIRED)}.
 */
final class OpenApiNullability implements PropertyCustomizer {
  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public Schema customize(Schema property, AnnotatedType type) {
    if (property == null || !mayBeNull(type) || required(type.getCtxAnnotations())) {
      return property;
    }
    if (property.getOneOf() != null || property.getAnyOf() != null) {
      // Alternatives given by hand (a string or an array): null is one more of them.
      property.setTypes(null);
      property.setType(null);
      List<Schema> alternatives = new java.util.ArrayList<>(
          property.getOneOf() != null ? property.getOneOf() : property.getAnyOf());
      alternatives.add(new Schema<>().type("null"));
      if (property.getOneOf() != null) {
        property.setOneOf(alternatives);
      } else {
        property.setAnyOf(alternatives);
      }
      return property;
    }
    String declared = declaredType(type.getCtxAnnotations());
    if (declared != null) {
      // A free-form JSON field that says what it holds (@Schema(type = "integer")).
      property.setTypes(new java.util.LinkedHashSet<>(List.of(declared, "null")));
      return property;
    }
    if (property.get$ref() != null) {
      return new Schema<>().anyOf(List.of(property, new Schema<>().type("null")))
          .description(property.getDescription());
    }
    if (property.getTypes() != null && !property.getTypes().isEmpty()) {
      property.addType("null");
    } else if (property.getType() != null) {
      property.addType(property.getType());
      property.addType("null");
    }
    return property;
  }

  private static boolean mayBeNull(AnnotatedType annotated) {
    Type type = annotated.getType();
    if (type instanceof Class<?> raw) {
      return !raw.isPrimitive() && !Iterable.class.isAssignableFrom(raw)
          && !java.util.Map.class.isAssignableFrom(raw);
    }
    if (type instanceof JavaType javaType) {
      return !javaType.isPrimitive() && !javaType.isCollectionLikeType()
          && !javaType.isMapLikeType() && !javaType.isArrayType();
    }
    return false;
  }

  private static String declaredType(Annotation[] annotations) {
    if (annotations == null) {
      return null;
    }
    for (Annotation annotation : annotations) {
      if (annotation instanceof io.swagger.v3.oas.annotations.media.Schema schema
          && !schema.type().isEmpty()) {
        return schema.type();
      }
    }
    return null;
  }

  private static boolean required(Annotation[] annotations) {
    if (annotations == null) {
      return false;
    }
    for (Annotation annotation : annotations) {
      if (annotation instanceof io.swagger.v3.oas.annotations.media.Schema schema
          && schema.requiredMode()
              == io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED) {
        return true;
      }
    }
    return false;
  }
}

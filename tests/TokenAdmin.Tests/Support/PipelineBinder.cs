using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace TokenAdmin.Tests.Support;

/// <summary>
/// PowerShell's pipeline parameter binding, enough of it to run pipelines in xunit, driven by the
/// cmdlet's real [Parameter]/[Alias] metadata. Order as PowerShell: by value without coercion, by
/// property name without coercion, by value with coercion, by property name with coercion. A
/// parameter bound on the command line is never rebound; pipeline-bound ones reset per record.
/// </summary>
internal sealed class PipelineBinder
{
    private readonly List<ParameterInfo> _parameters;
    private readonly object _defaults;

    private PipelineBinder(Type commandType)
    {
        _parameters = ParameterInfo.Read(commandType);
        _defaults = Activator.CreateInstance(commandType)!;
    }

    public static PipelineBinder For(Type commandType) => new(commandType);

    /// <summary>Names of parameters set before the pipeline runs (the "command line").</summary>
    public HashSet<string> CommandLineBound(object command)
    {
        return _parameters
            .Where(p => !Equals(p.Property.GetValue(command), p.Property.GetValue(_defaults)))
            .Select(p => p.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Resets pipeline-bound parameters, binds <paramref name="input"/>; false when a mandatory pipeline parameter stayed unbound.</summary>
    public bool Bind(object command, object input, HashSet<string> commandLine)
    {
        var candidates = _parameters.Where(p => !commandLine.Contains(p.Name) && (p.ByValue || p.ByPropertyName)).ToList();
        foreach (var parameter in candidates)
        {
            parameter.Property.SetValue(command, parameter.Property.GetValue(_defaults));
        }

        var bound = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var coerce in new[] { false, true })
        {
            if (!bound.Any())
            {
                var byValue = candidates.FirstOrDefault(p => p.ByValue && TryConvert(input, p.Property.PropertyType, coerce, out _));
                if (byValue is not null && TryConvert(input, byValue.Property.PropertyType, coerce, out var value))
                {
                    byValue.Property.SetValue(command, value);
                    bound.Add(byValue.Name);
                }
            }

            foreach (var parameter in candidates.Where(p => p.ByPropertyName && !bound.Contains(p.Name)))
            {
                if (TryGetProperty(input, parameter.Names, out var raw) && raw is not null
                    && TryConvert(raw, parameter.Property.PropertyType, coerce, out var value))
                {
                    parameter.Property.SetValue(command, value);
                    bound.Add(parameter.Name);
                }
            }
        }

        return candidates.Where(p => p.Mandatory).All(p => bound.Contains(p.Name));
    }

    private static bool TryGetProperty(object input, IReadOnlyList<string> names, out object? value)
    {
        if (input is IDictionary dictionary) // an Import-Csv row, a PSCustomObject
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                if (names.Contains(entry.Key.ToString(), StringComparer.OrdinalIgnoreCase))
                {
                    value = entry.Value;
                    return true;
                }
            }
        }
        else
        {
            var property = input.GetType().GetProperties()
                .FirstOrDefault(p => names.Contains(p.Name, StringComparer.OrdinalIgnoreCase));
            if (property is not null)
            {
                value = property.GetValue(input);
                return true;
            }
        }

        value = null;
        return false;
    }

    private static bool TryConvert(object value, Type target, bool coerce, out object? converted)
    {
        converted = null;
        var element = target.IsArray ? target.GetElementType()! : null;
        if (target.IsInstanceOfType(value))
        {
            converted = value;
            return true;
        }

        if (element is not null)
        {
            var items = value is IEnumerable enumerable && value is not string ? enumerable.Cast<object>().ToArray() : new[] { value };
            var array = Array.CreateInstance(element, items.Length);
            for (var i = 0; i < items.Length; i++)
            {
                if (!TryConvert(items[i], element, coerce, out var item))
                {
                    return false;
                }

                array.SetValue(item, i);
            }

            converted = array;
            return true;
        }

        if (!coerce)
        {
            return false;
        }

        try
        {
            var underlying = Nullable.GetUnderlyingType(target) ?? target;
            converted = underlying == typeof(string) ? value.ToString()
                : underlying.IsEnum ? Enum.Parse(underlying, value.ToString()!, ignoreCase: true)
                : underlying == typeof(Uri) ? new Uri(value.ToString()!)
                : Convert.ChangeType(value, underlying, CultureInfo.InvariantCulture);
            return converted is not null;
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            return false;
        }
    }

    private sealed record ParameterInfo(PropertyInfo Property, IReadOnlyList<string> Names, bool ByValue, bool ByPropertyName, bool Mandatory)
    {
        public string Name => Property.Name;

        public static List<ParameterInfo> Read(Type commandType) =>
            commandType.GetProperties()
                .Select(property => (property, parameters: property.GetCustomAttributesData()
                    .Where(a => a.AttributeType == typeof(ParameterAttribute)).ToList()))
                .Where(x => x.parameters.Count > 0)
                .Select(x => new ParameterInfo(
                    x.property,
                    new[] { x.property.Name }.Concat(Aliases(x.property)).ToList(),
                    x.parameters.Any(a => Named(a, nameof(ParameterAttribute.ValueFromPipeline))),
                    x.parameters.Any(a => Named(a, nameof(ParameterAttribute.ValueFromPipelineByPropertyName))),
                    x.parameters.Any(a => Named(a, nameof(ParameterAttribute.Mandatory)))))
                .ToList();

        private static bool Named(CustomAttributeData attribute, string name) =>
            attribute.NamedArguments.Any(n => n.MemberName == name && n.TypedValue.Value is true);

        private static IEnumerable<string> Aliases(PropertyInfo property) =>
            property.GetCustomAttributesData()
                .Where(a => a.AttributeType == typeof(AliasAttribute))
                .SelectMany(a => a.ConstructorArguments)
                .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> items
                    ? items.Select(i => (string)i.Value!)
                    : new[] { (string)arg.Value! });
    }
}
